/**
 * tf.data's other transformations and edges: concatenate, padded_batch, map functions with
 * effects and control flow, TF's errors for empty structures and unsupported returns, and
 * hostile sizes (the memory and time limits).
 */
import { describe, expect, it } from "vitest";
import { createTF } from "../../tf.js";
import { operatorRuntime } from "../operators.js";
import { elements, errorOf, plain, setup } from "../../testing/data.js";

describe("tf.data under hostile sizes", () => {
  it("fails a batch too big for memory with TF's OOM error instead of gathering it, and a huge shuffle buffer costs only what it holds", () => {
    const { tf } = setup();
    const D = tf.data.Dataset;
    const e = errorOf(() => elements(tf, D.range(10 ** 12).batch(10 ** 10)));
    expect(e).toBeInstanceOf(tf.errors.ResourceExhaustedError);
    expect(e.message.split("\n")[0]).toBe("OOM when allocating tensor with shape[10000000000] and type int64 on /job:localhost/replica:0/task:0/device:CPU:0 by allocator cpu");
    expect((elements(tf, D.range(5).shuffle(10 ** 9, { seed: 2 })) as number[]).sort()).toEqual([0, 1, 2, 3, 4]);
  });

  it("lets the time limit reach a filter that rejects everything of an endless input", () => {
    let ticks = 0;
    const tf = createTF({
      seedSource: () => 7,
      loopTick: () => {
        if (++ticks > 50) throw new Error("time limit");
      },
    });
    const next = tf.data.Dataset.range(1).repeat().filter(() => tf.constant(false)).make_one_shot_iterator().get_next();
    expect(errorOf(() => tf.Session().run(next)).message).toMatch(/time limit/);
  });
});

describe("Dataset.concatenate", () => {
  it("gives the docstring's elements, merges shapes, and refuses other types in TF's words", () => {
    const { tf } = setup();
    const D = tf.data.Dataset;
    const a = D.range(1, 4);
    const b = D.range(4, 8);
    expect(elements(tf, a.concatenate(b))).toEqual([1, 2, 3, 4, 5, 6, 7]);
    const rows = D.from_tensor_slices(tf.zeros([2, 3], tf.int64)).concatenate(D.from_tensor_slices(tf.zeros([1, 4], tf.int64)));
    expect(String(rows.output_shapes)).toBe("(?,)");
    expect(errorOf(() => a.concatenate(D.from_tensor_slices([1.5]))).message).toBe("Two datasets to concatenate have different types tf.int64 and tf.float32");
  });
});

describe("Dataset.map with a function that returns nothing", () => {
  it("raises TF's TypeError and leaves the program's graph the default", () => {
    const { tf } = setup();
    const e = errorOf(() => tf.data.Dataset.range(3).map(() => undefined));
    expect(e.name).toBe("TypeError");
    expect(e.message).toBe("Unsupported return value from function passed to Dataset.map(): None.");
    expect(String(tf.constant(1))).toBe('Tensor("Const:0", shape=(), dtype=int32)');
  });
});

describe("tf.data with empty structures", () => {
  it("refuses to slice nothing and to zip nothing, as TF does", () => {
    const { tf } = setup();
    expect(errorOf(() => tf.data.Dataset.from_tensor_slices({})).message).toBe("list index out of range");
    expect(errorOf(() => tf.data.Dataset.zip([])).message).toBe("Attr 'N' of 'ZipDataset' Op passed 0 less than minimum 1.");
    expect(elements(tf, tf.data.Dataset.from_tensor_slices([]))).toEqual([]);
  });
});

describe("Dataset.padded_batch", () => {
  it("pads each batch to its longest element (the docstring's fill example), or to a fixed shape, with the padding value", () => {
    const { tf } = setup();
    const D = tf.data.Dataset;
    const ragged = D.range(1, 4).map((x: any) => tf.fill([x], x));
    expect(elements(tf, ragged.padded_batch(2, [null]))).toEqual([
      [
        [1, 0],
        [2, 2],
      ],
      [[3, 3, 3]],
    ]);
    expect(elements(tf, ragged.padded_batch(3, [4], -1))).toEqual([
      [
        [1, -1, -1, -1],
        [2, 2, -1, -1],
        [3, 3, 3, -1],
      ],
    ]);
    expect(String(ragged.padded_batch(2, [null]).output_shapes)).toBe("(?, ?)");
    expect(String(ragged.padded_batch(2, [5], null, true).output_shapes)).toBe("(2, 5)");
    expect(errorOf(() => elements(tf, ragged.padded_batch(3, [2]))).message.split("\n")[0]).toBe("Attempted to pad to a smaller size than the input element.");
  });

  it("pads the components of a tuple element each to its own shape", () => {
    const { tf } = setup();
    const D = tf.data.Dataset;
    const pairs = D.range(1, 3).map((x: any) => [tf.fill([x], x), x]);
    expect(elements(tf, pairs.padded_batch(2, [[null], []]))).toEqual([
      [
        [
          [1, 0],
          [2, 2],
        ],
        [1, 2],
      ],
    ]);
  });
});

describe("map functions with effects and control flow", () => {
  it("run a tf.Print, a tf.cond and a tf.while_loop inside the function, and read a captured variable", () => {
    const stderr: string[] = [];
    const tf = createTF({ seedSource: () => 7, stderr: (t) => stderr.push(t) });
    const py = operatorRuntime(tf.get_default_graph().ctx);
    const D = tf.data.Dataset;
    expect(elements(tf, D.range(3).map((x: any) => tf.Print(x, [x], "x=")))).toEqual([0, 1, 2]);
    expect(stderr).toEqual(["x=[0]", "x=[1]", "x=[2]"]);
    expect(elements(tf, D.range(5).map((x: any) => tf.cond(tf.less(x, 2), () => py.mul(x, 10), () => py.neg(x))))).toEqual([0, 10, -2, -3, -4]);
    expect(elements(tf, D.range(4).map((x: any) => tf.while_loop((i: any) => tf.less(i, x), (i: any) => py.add(i, 1), [tf.constant(0, tf.int64)])))).toEqual([0, 1, 2, 3]);
    const v = tf.Variable(3, { dtype: tf.int64 });
    const it = D.range(3).map((x: any) => py.add(x, v)).make_initializable_iterator();
    const sess = tf.Session();
    sess.run(tf.global_variables_initializer());
    sess.run(it.initializer);
    const next = it.get_next();
    expect([0, 1, 2].map(() => plain(sess.run(next)))).toEqual([3, 4, 5]);
  });
});
