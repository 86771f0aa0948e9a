/**
 * numpy's scalars as sess.run returns them: printed as numpy 1.x prints each type, combined by
 * numpy 1.x's scalar rules (before NEP 50: a Python int counts as int64, a float as float64),
 * usable as plain numbers by JavaScript, and converted back into tensors as TF converts them.
 */
import { describe, expect, it } from "vitest";
import { createTF } from "../tf.js";
import { operatorRuntime } from "../api/operators.js";
import { pyRepr, pyPercentFormat } from "../format/python.js";
import { NpFloat32, NpFloat64, NpInt32, NpInt64, NpScalar } from "./scalar.js";
import { PyBytes } from "../pybytes.js";
import { PyFloat } from "../pyfloat.js";

function setup() {
  const tf = createTF();
  return { tf, py: operatorRuntime(tf.get_default_graph().ctx), sess: tf.Session() };
}

/** repr and dtype name, as `print(x, x.dtype)` shows them. */
const shown = (x: unknown) => (x instanceof NpScalar ? `${pyRepr(x)} ${x.dtype.name}` : pyRepr(x));

describe("numpy scalars print as numpy prints each type", () => {
  it("float32 with its shortest digits, float64 with its own, ints plainly", () => {
    expect(pyRepr(new NpFloat32(7))).toBe("7.0");
    expect(pyRepr(new NpFloat32(Math.fround(0.35190025)))).toBe("0.35190025");
    expect(pyRepr(new NpFloat64(0.1))).toBe("0.1");
    expect(pyRepr(new NpFloat64(Math.fround(0.1)))).toBe("0.10000000149011612");
    expect(pyRepr(new NpInt32(3))).toBe("3");
    expect(pyRepr(new NpInt64(-2))).toBe("-2");
    expect([NaN, Infinity, -0, 1e20, 1e-5].map((v) => pyRepr(new NpFloat32(Math.fround(v))))).toEqual(["nan", "inf", "-0.0", "1e+20", "1e-05"]);
  });

  it("inside lists and dicts and through % formatting", () => {
    expect(pyRepr([new NpFloat32(3), new NpInt32(2), true, new PyBytes("ab")])).toBe("[3.0, 2, True, b'ab']");
    expect(pyRepr({ total: new NpFloat32(7) })).toBe("{'total': 7.0}");
    expect(pyPercentFormat("%s %r %d %.3f %x", [new NpFloat32(7), new NpFloat32(7), new NpFloat32(7.9), new NpFloat32(7), new NpInt64(255)])).toBe("7.0 7.0 7 7.000 ff");
  });
});

describe("numpy 1.x's scalar arithmetic", () => {
  it("keeps float32 between float32s and goes to float64 with a Python number", () => {
    const { py } = setup();
    const h = new NpFloat32(0.5);
    expect(shown(py.mul(h, new NpFloat32(2)))).toBe("1.0 float32");
    expect(shown(py.mul(h, 2))).toBe("1.0 float64");
    expect(shown(py.add(h, new PyFloat(1)))).toBe("1.5 float64");
    expect(shown(py.pow(new NpFloat32(2), 2))).toBe("4.0 float64");
  });

  it("divides ints into a float64, floors and takes Python's remainder in int64, wraps int32", () => {
    const { py } = setup();
    expect(shown(py.truediv(new NpInt32(7), new NpInt32(2)))).toBe("3.5 float64");
    expect(shown(py.mod(new NpInt32(-7), 3))).toBe("2 int64");
    expect(shown(py.add(new NpInt32(2147483647), new NpInt32(1)))).toBe("-2147483648 int32");
    expect(shown(py.neg(new NpInt32(-2147483648)))).toBe("-2147483648 int32");
    expect(py.lt(new NpInt32(1), new NpFloat32(1.5))).toBe(true);
  });
});

describe("numpy scalars as JavaScript numbers", () => {
  it("work with Math, toFixed, template strings, JSON and loose equality; item() is the plain number", () => {
    const x = new NpFloat32(7.5);
    expect(Math.sqrt(x as unknown as number)).toBe(Math.sqrt(7.5));
    expect(x.toFixed(2)).toBe("7.50");
    expect(`${x}`).toBe("7.5");
    expect(JSON.stringify({ x })).toBe('{"x":7.5}');
    expect((x as unknown) == 7.5).toBe(true);
    expect((x as unknown) === 7.5).toBe(false);
    expect(x.item()).toBe(7.5);
  });
});

describe("fetched numpy scalars going back into the graph", () => {
  it("feed a placeholder, and make constants of their own dtype", () => {
    const { tf, py, sess } = setup();
    const loss = sess.run(tf.constant(2.5, { dtype: tf.float64 })) as NpScalar;
    const p = tf.placeholder(tf.float32);
    expect(shown(sess.run(py.mul(p, new PyFloat(2)), { feed_dict: new Map([[p, loss]]) }))).toBe("5.0 float32");
    expect(tf.constant(loss).dtype.name).toBe("float64");
    expect(tf.constant(sess.run(tf.constant(3))).dtype.name).toBe("int32");
  });

  it("in a list convert as np.array then make_tensor_proto do: promoted, then float32 and int32 preferred", () => {
    const { tf } = setup();
    const f = new NpFloat32(7.5);
    const i = new NpInt32(3);
    const dt = (v: unknown) => tf.constant(v).dtype.name;
    expect([dt([f, i]), dt([i, f]), dt([i, 2]), dt([i, new PyFloat(2.5)]), dt([new NpFloat64(0.1), f]), dt([i, 3000000000])]).toEqual([
      "float32",
      "float32",
      "int32",
      "float32",
      "float32",
      "int64",
    ]);
  });
});

describe("bytes", () => {
  it("print as Python 3 prints bytes, decode to text, and concatenate only with bytes", () => {
    const { py } = setup();
    const b = new PyBytes("héllo");
    expect(pyRepr(b)).toBe("b'h\\xc3\\xa9llo'");
    expect(b.decode()).toBe("héllo");
    expect(b.__len__()).toBe(6);
    expect(pyRepr(py.add(new PyBytes("ab"), new PyBytes("c")))).toBe("b'abc'");
    expect(() => py.add(new PyBytes("ab"), "c")).toThrow("can't concat str to bytes");
    expect(() => b.decode("ascii")).toThrow("'ascii' codec can't decode byte 0xc3 in position 1: ordinal not in range(128)");
  });
});
