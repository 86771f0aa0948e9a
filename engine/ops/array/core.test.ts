import { describe, expect, it } from "vitest";
import { evalSetup } from "../../testing/session.js";
import { NDArray } from "../../ndarray.js";
import type { Tensor } from "../../graph.js";

const setup = evalSetup;

describe("tf.shape", () => {
  it("folds a fully known shape into a Const named Shape", () => {
    const { tf, run } = setup();
    const s = tf.shape(tf.zeros([2, 3]));
    expect(s.op.type).toBe("Const");
    expect(s.name).toBe("Shape:0");
    expect(run(s)).toEqual([2, 3]);
  });

  it("computes a partly unknown shape at run time", () => {
    const { tf, run } = setup();
    const x = tf.placeholder(tf.float32, [null, 3]);
    const s = tf.shape(x);
    expect(s.op.type).toBe("Shape");
    expect(String(s)).toBe('Tensor("Shape:0", shape=(2,), dtype=int32)');
    expect(run(s, new Map([[x, [[1, 2, 3], [4, 5, 6]]]]))).toEqual([2, 3]);
  });
});

describe("tf.reshape", () => {
  it("infers the -1 dimension statically and at run time", () => {
    const { tf, run } = setup();
    const x = tf.placeholder(tf.float32, [null, 6]);
    const r = tf.reshape(x, [-1, 3]);
    expect(String(r.shape)).toBe("(?, 3)");
    expect(r.op.inputs[1].name).toBe("Reshape/shape:0");
    expect(run(r, new Map([[x, [[1, 2, 3, 4, 5, 6]]]]))).toEqual([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect(String(tf.reshape(tf.zeros([2, 6]), [3, -1]).shape)).toBe("(3, 4)");
  });

  it("infers -1 afresh when the fed batch size changes between runs", () => {
    const { tf, sess } = setup();
    const x = tf.placeholder(tf.float32, [null, 6]);
    const r = tf.reshape(x, [-1, 3]);
    const shapeFor = (rows: number) => (sess.run(r, { feed_dict: new Map([[x, Array.from({ length: rows }, () => [1, 2, 3, 4, 5, 6])]]) }) as NDArray).shape;
    expect(shapeFor(1)).toEqual([2, 3]);
    expect(shapeFor(2)).toEqual([4, 3]);
    expect(shapeFor(1)).toEqual([2, 3]);
  });

  it("raises TF's shape-inference errors with the partial shape it read", () => {
    const { tf } = setup();
    expect(() => tf.reshape(tf.zeros([2, 3]), [4])).toThrow(
      "Cannot reshape a tensor with 6 elements to shape [4] (4 elements) for 'Reshape' (op: 'Reshape') with input shapes: [2,3], [1] and with input tensors computed as partial shapes: input[1] = [4].",
    );
    expect(() => tf.reshape(tf.zeros([2, 3]), [-1, 4])).toThrow(
      "Dimension size must be evenly divisible by 4 but is 6 for 'Reshape_1' (op: 'Reshape') with input shapes: [2,3], [2] and with input tensors computed as partial shapes: input[1] = [?,4].",
    );
    expect(() => tf.reshape(tf.zeros([2, 3]), 6)).toThrow("Shape must be rank 1 but is rank 0 for 'Reshape_2' (op: 'Reshape') with input shapes: [2,3], [].");
  });

  it("raises the kernel's errors for fed shapes", () => {
    const { tf, sess } = setup();
    const x = tf.placeholder(tf.float32);
    const shape = tf.placeholder(tf.int32);
    const r = tf.reshape(x, shape);
    const feed = (v: unknown, s: unknown) => () => sess.run(r, { feed_dict: new Map<Tensor, unknown>([[x, v], [shape, s]]) });
    expect(feed([1, 2, 3, 4, 5, 6], [4, -1])).toThrow(/^Input to reshape is a tensor with 6 values, but the requested shape requires a multiple of 4/);
    expect(feed([1, 2, 3, 4, 5, 6], [4])).toThrow(/^Input to reshape is a tensor with 6 values, but the requested shape has 4/);
    expect(feed([1, 2], [-1, -1])).toThrow(/^Only one input size may be -1, not both 0 and 1/);
    expect(feed([1, 2], [-2, -1])).toThrow(/^Size 0 must be non-negative, not -2/);
    expect(feed([1, 2], [[1, 2]])).toThrow(/^sizes input must be 1-D, not \[1,2\]/);
  });
});

describe("tf.fill and tf.zeros_like", () => {
  it("fills a shape with a scalar; [] is an int32 scalar shape", () => {
    const { tf, run } = setup();
    expect(run(tf.fill([2, 2], 7))).toEqual([
      [7, 7],
      [7, 7],
    ]);
    const scalar = tf.fill([], 1.5);
    expect(String(scalar)).toBe('Tensor("Fill_1:0", shape=(), dtype=float32)');
    expect(run(scalar)).toBe(1.5);
  });

  it("refuses negative dims at graph construction and at run time", () => {
    const { tf, sess } = setup();
    expect(() => tf.fill([-1, 2], 0)).toThrow(/^Fill dimensions must be >= 0 for 'Fill' \(op: 'Fill'\)/);
    const dims = tf.placeholder(tf.int32, [2]);
    const f = tf.fill(dims, 0);
    expect(() => sess.run(f, { feed_dict: new Map([[dims, [-1, 2]]]) })).toThrow(/^Dimension -1 must be >= 0/);
  });

  it("makes a Const named zeros_like for a known shape, else a ZerosLike op", () => {
    const { tf, run } = setup();
    const known = tf.zeros_like(tf.constant([[1, 2], [3, 4]]));
    expect(known.op.type).toBe("Const");
    expect(known.name).toBe("zeros_like:0");
    expect(run(known)).toEqual([
      [0, 0],
      [0, 0],
    ]);
    const x = tf.placeholder(tf.float32, [null]);
    const z = tf.zeros_like(x);
    expect(z.op.type).toBe("ZerosLike");
    expect(z.name).toBe("zeros_like_1:0");
    const asBool = tf.zeros_like(x, tf.bool);
    expect(asBool.op.type).toBe("Fill");
    expect(run(asBool, new Map([[x, [1, 2]]]))).toEqual([false, false]);
  });
});

describe("tf.broadcast_gradient_args", () => {
  it("lists the axes each operand was broadcast along", () => {
    const { tf, run } = setup();
    const [rx, ry] = tf.broadcast_gradient_args([2, 1, 3], [4, 1]);
    expect(run(rx)).toEqual([1]);
    expect(run(ry)).toEqual([0, 2]);
    // A dim that is 1 on both sides is reduced for both (unless the shapes are identical).
    const [sx, sy] = tf.broadcast_gradient_args([1, 1], [1]);
    expect([run(sx), run(sy)]).toEqual([[0, 1], [0, 1]]);
    const [ex, ey] = tf.broadcast_gradient_args([1, 3], [1, 3]);
    expect([run(ex), run(ey)]).toEqual([[], []]);
  });

  it("raises TF's error for incompatible shapes", () => {
    const { tf, sess } = setup();
    const [rx] = tf.broadcast_gradient_args([2, 3], [4]);
    expect(() => sess.run(rx)).toThrow(/^Incompatible shapes: \[2,3\] vs\. \[4\]/);
  });
});
