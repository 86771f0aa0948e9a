import { describe, expect, it } from "vitest";
import { createTF } from "../tf.js";
import type { Tensor } from "../graph.js";
import { NDArray } from "../ndarray.js";
import type { SideEffectRecord } from "../records.js";
import { float32Repr } from "../format/floats.js";
import { plain } from "../testing/plain.js";

// ---- factories ----

/** A namespace whose unseeded ops draw from a fixed seed source. */
const fresh = (seed = 7) => createTF({ seedSource: () => seed });

/** The ops of the default graph as `name:type`. */
const nodes = (tf: ReturnType<typeof fresh>) =>
  tf
    .get_default_graph()
    .get_operations()
    .map((o) => `${o.name}:${o.type}`);

/** numpy's float32 print of each element. */
const printed = (v: unknown) => Array.from((v as NDArray).data as Float32Array, (x) => float32Repr(x));

describe("random_normal", () => {
  // TF 1.x tutorial ("TensorFlow实战Google深度学习框架"): tf.random_normal([2, 5], stddev=1, seed=1)
  // prints [[-0.8113182 1.4845988 0.06532937 -2.4427042 0.0992484]
  //         [ 0.5912243 0.59282297 -2.1229296 -0.72289723 -0.05627038]].
  it("reproduces the documented values of tf.random_normal([2, 5], stddev=1, seed=1)", () => {
    const tf = fresh();
    const w = tf.random_normal([2, 5], { stddev: 1, seed: 1 });
    const v = tf.Session().run(w) as NDArray;
    expect(v.toString()).toBe(
      "[[-0.8113182   1.4845988   0.06532937 -2.4427042   0.0992484 ]\n [ 0.5912243   0.59282297 -2.1229296  -0.72289723 -0.05627038]]",
    );
  });

  it("builds TF 1.14's nodes: shape, mean, stddev, RandomStandardNormal, mul, and the Add named after the scope", () => {
    const tf = fresh();
    tf.random_normal([2, 3], { mean: -1, stddev: 2 });
    expect(nodes(tf)).toEqual([
      "random_normal/shape:Const",
      "random_normal/mean:Const",
      "random_normal/stddev:Const",
      "random_normal/RandomStandardNormal:RandomStandardNormal",
      "random_normal/mul:Mul",
      "random_normal:Add",
    ]);
  });

  it("scales and shifts the standard normal draw", () => {
    const a = fresh();
    const b = fresh();
    const unit = a.Session().run(a.random_normal([4], { seed: 3 })) as NDArray;
    const scaled = b.Session().run(b.random_normal([4], { mean: 10, stddev: 0.5, seed: 3 })) as NDArray;
    expect(Array.from(scaled.data as Float32Array)).toEqual(Array.from(unit.data as Float32Array, (x) => Math.fround(Math.fround(x * 0.5) + 10)));
  });
});

describe("random_uniform", () => {
  // TF's tf.random notes: tf.random.uniform([1], seed=1) gives 0.2390374, then 0.22267115 when
  // the same op runs again (the op keeps one random stream).
  it("gives TF's first and second samples on two runs of one op", () => {
    const tf = fresh();
    const u = tf.random_uniform([1], { seed: 1 });
    const sess = tf.Session();
    expect(plain(printed(sess.run(u)))).toEqual(["0.2390374"]);
    expect(plain(printed(sess.run(u)))).toEqual(["0.22267115"]);
  });

  it("starts again in a new session: the stream belongs to (op, session)", () => {
    const tf = fresh();
    const u = tf.random_uniform([1], { seed: 1 });
    tf.Session().run(u);
    expect(plain(printed(tf.Session().run(u)))).toEqual(["0.2390374"]);
  });

  it("builds shape, min, max, RandomUniform, sub, mul and the Add named random_uniform", () => {
    const tf = fresh();
    tf.random_uniform([2], -1, 1);
    expect(nodes(tf)).toEqual([
      "random_uniform/shape:Const",
      "random_uniform/min:Const",
      "random_uniform/max:Const",
      "random_uniform/RandomUniform:RandomUniform",
      "random_uniform/sub:Sub",
      "random_uniform/mul:Mul",
      "random_uniform:Add",
    ]);
  });

  it("maps [0, 1) onto [minval, maxval) as rnd * (max - min) + min in float32", () => {
    const a = fresh();
    const b = fresh();
    const unit = a.Session().run(a.random_uniform([3], { seed: 5 })) as NDArray;
    const ranged = b.Session().run(b.random_uniform([3], -2, 4, { seed: 5 })) as NDArray;
    expect(Array.from(ranged.data as Float32Array)).toEqual(Array.from(unit.data as Float32Array, (x) => Math.fround(Math.fround(x * 6) - 2)));
  });

  // TF 2.x API docs of tf.random.uniform: after tf.random.set_seed(5), an int32 draw with
  // maxval=3 and seed=10 gives 2 then 0 (attrs seed=5, seed2=10 in graph mode too).
  it("draws integers with RandomUniformInt named random_uniform, as documented", () => {
    const tf = fresh();
    tf.set_random_seed(5);
    const r = tf.random_uniform([], { maxval: 3, dtype: tf.int32, seed: 10 });
    expect(r.op.type).toBe("RandomUniformInt");
    expect(r.op.name).toBe("random_uniform");
    const sess = tf.Session();
    expect(plain([sess.run(r), sess.run(r)])).toEqual([2, 0]);
  });

  it("requires maxval for an integer dtype, in TF's words", () => {
    const tf = fresh();
    expect(() => tf.random_uniform([2], { dtype: tf.int32 })).toThrow("Must specify maxval for integer dtype <dtype: 'int32'>");
  });

  it("fails at run time when minval >= maxval, as TF's kernel does", () => {
    const tf = fresh();
    const r = tf.random_uniform([2], 3, 3, tf.int32);
    expect(() => tf.Session().run(r)).toThrow("Need minval < maxval, got 3 >= 3");
  });
});

describe("seeds", () => {
  it("uses (87654321, op seed) when only the op seed is set", () => {
    const tf = fresh();
    const r = tf.random_uniform([1], { seed: 4 });
    expect(r.op.inputs[0].op.inputs[0].op.attrs).toMatchObject({ seed: 87654321, seed2: 4 });
  });

  it("uses (graph seed, number of ops so far) when only the graph seed is set", () => {
    const tf = fresh();
    tf.constant(1);
    tf.set_random_seed(1234);
    tf.random_uniform([1]);
    // Const, then shape, min and max exist when TF's get_seed reads graph._last_id.
    expect(tf.get_default_graph().get_operation_by_name("random_uniform/RandomUniform").attrs).toMatchObject({ seed: 1234, seed2: 4 });
  });

  it("leaves both attrs 0 without any seed, and then draws from the program's seed source", () => {
    const draw = (seed: number) => {
      const tf = fresh(seed);
      const r = tf.random_uniform([3]);
      expect(tf.get_default_graph().get_operation_by_name("random_uniform/RandomUniform").attrs).toMatchObject({ seed: 0, seed2: 0 });
      return Array.from((tf.Session().run(r) as NDArray).data as Float32Array);
    };
    expect(draw(11)).toEqual(draw(11));
    expect(draw(11)).not.toEqual(draw(12));
  });
});

describe("truncated_normal", () => {
  // A TF 1.x blog post: tf.truncated_normal([2, 2], seed=2) printed
  // [[-0.85811085 -0.19662298] [0.13895047 -1.22127688]] (the last two within an ulp; see engine/random).
  it("reproduces the documented first values of tf.truncated_normal([2, 2], seed=2)", () => {
    const tf = fresh();
    const v = tf.Session().run(tf.truncated_normal([2, 2], { seed: 2 })) as NDArray;
    expect(printed(v).slice(0, 2)).toEqual(["-0.85811085", "-0.19662298"]);
  });

  it("keeps every value within two standard deviations of the mean", () => {
    const tf = fresh();
    const v = tf.Session().run(tf.truncated_normal([500], { mean: 3, stddev: 0.5, seed: 9 })) as NDArray;
    expect(Array.from(v.data as Float32Array).every((x) => x > 2 && x < 4)).toBe(true);
  });

  it("builds truncated_normal/shape, /mean, /stddev, /TruncatedNormal, /mul and truncated_normal", () => {
    const tf = fresh();
    tf.truncated_normal([3]);
    expect(nodes(tf)).toEqual([
      "truncated_normal/shape:Const",
      "truncated_normal/mean:Const",
      "truncated_normal/stddev:Const",
      "truncated_normal/TruncatedNormal:TruncatedNormal",
      "truncated_normal/mul:Mul",
      "truncated_normal:Add",
    ]);
  });
});

describe("random_shuffle", () => {
  it("permutes rows, keeping each row whole", () => {
    const tf = fresh();
    const v = tf.Session().run(tf.random_shuffle([[1, 10], [2, 20], [3, 30], [4, 40]], { seed: 1 })) as NDArray;
    const rows = v.toArray() as number[][];
    expect(rows.map((r) => r[1])).toEqual(rows.map((r) => r[0] * 10));
    expect(rows.map((r) => r[0]).sort()).toEqual([1, 2, 3, 4]);
  });
});

describe("random side effects", () => {
  it("reports one random effect per random op that runs", () => {
    const effects: SideEffectRecord[][] = [];
    const tf = createTF({ seedSource: () => 1, onRun: (r) => effects.push(r.side_effects) });
    const u = tf.random_uniform([2]);
    const n = tf.random_normal([2]);
    tf.Session().run([u as Tensor, n as Tensor]);
    expect(effects[0].map((e) => `${e.op}:${e.kind}`)).toEqual(["random_uniform/RandomUniform:random", "random_normal/RandomStandardNormal:random"]);
  });
});

describe("initializers", () => {
  it("builds TF 1.14's glorot_uniform nodes for get_variable's default initializer", () => {
    const tf = fresh();
    tf.get_variable("W", [2, 3]);
    expect(nodes(tf).slice(0, 7)).toEqual([
      "W/Initializer/random_uniform/shape:Const",
      "W/Initializer/random_uniform/min:Const",
      "W/Initializer/random_uniform/max:Const",
      "W/Initializer/random_uniform/RandomUniform:RandomUniform",
      "W/Initializer/random_uniform/sub:Sub",
      "W/Initializer/random_uniform/mul:Mul",
      "W/Initializer/random_uniform:Add",
    ]);
  });
});

describe("tf.random", () => {
  it("exposes the same builders under TF 1.x's tf.random names", () => {
    const tf = fresh();
    expect(tf.random.uniform).toBe(tf.random_uniform);
    expect(tf.random.normal).toBe(tf.random_normal);
    expect(tf.random.truncated_normal).toBe(tf.truncated_normal);
    expect(tf.random.shuffle).toBe(tf.random_shuffle);
  });
});
