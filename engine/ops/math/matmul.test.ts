import { describe, expect, it } from "vitest";
import { evalSetup } from "../../testing/session.js";

const setup = evalSetup;

const A = [
  [1, 2, 3],
  [4, 5, 6],
];
const B = [
  [7, 8],
  [9, 10],
  [11, 12],
];

describe("tf.matmul", () => {
  it("multiplies matrices, transposing either operand on request", () => {
    const { tf, run } = setup();
    const a = tf.constant(A);
    const b = tf.constant(B);
    expect(run(tf.matmul(a, b))).toEqual([
      [58, 64],
      [139, 154],
    ]);
    expect(run(tf.matmul(a, a, { transpose_b: true }))).toEqual([
      [14, 32],
      [32, 77],
    ]);
    expect(run(tf.matmul(a, a, { transpose_a: true }))).toEqual([
      [17, 22, 27],
      [22, 29, 36],
      [27, 36, 45],
    ]);
    // bᵀ·aᵀ = (a·b)ᵀ
    expect(run(tf.matmul(b, a, { transpose_a: true, transpose_b: true }))).toEqual([
      [58, 139],
      [64, 154],
    ]);
  });

  it("wraps int32 products and sums", () => {
    const { tf, run } = setup();
    expect(run(tf.matmul(tf.constant([[65536, 1]]), tf.constant([[65536], [5]])))).toEqual([[5]]);
  });

  it("rounds each float32 product before adding it, as Eigen's non-FMA kernel does", () => {
    const { tf, run } = setup();
    // (1 + 2^-12)^2 = 1 + 2^-11 + 2^-24: the last term is lost when the product is rounded first.
    const v = 1 + 2 ** -12;
    const got = run(tf.matmul(tf.constant([[v, 1]], tf.float32), tf.constant([[v], [-1]], tf.float32))) as number[][];
    expect(got[0][0]).toBe(2 ** -11);
  });

  it("rounds products in the four-step inner loop too (k > 4)", () => {
    const { tf, run } = setup();
    const v = 1 + 2 ** -12;
    const a = tf.constant([[v, 1, 0.5, 0.25, 2]], tf.float32);
    const b = tf.constant([[v], [-1], [0], [0], [0]], tf.float32);
    expect((run(tf.matmul(a, b)) as number[][])[0][0]).toBe(2 ** -11);
    // The same product with b stored transposed.
    const bt = tf.constant([[v, -1, 0, 0, 0]], tf.float32);
    expect((run(tf.matmul(a, bt, { transpose_b: true })) as number[][])[0][0]).toBe(2 ** -11);
  });

  it("agrees with a sequential float64 sum for every transpose combination", () => {
    const { tf, run } = setup();
    const m = 3;
    const k = 7;
    const n = 5;
    const av = Array.from({ length: m }, (_, i) => Array.from({ length: k }, (_, p) => Math.sin(i * 7 + p) * 3));
    const bv = Array.from({ length: k }, (_, p) => Array.from({ length: n }, (_, j) => Math.cos(p * 5 + j) / 3));
    const want = av.map((row) => Array.from({ length: n }, (_, j) => row.reduce((acc, x, p) => acc + x * bv[p][j], 0)));
    const t = (x: number[][]) => x[0].map((_, j) => x.map((r) => r[j]));
    for (const [ta, tb] of [
      [false, false],
      [true, false],
      [false, true],
      [true, true],
    ]) {
      const a = tf.constant(ta ? t(av) : av, tf.float64);
      const b = tf.constant(tb ? t(bv) : bv, tf.float64);
      expect(run(tf.matmul(a, b, { transpose_a: ta, transpose_b: tb }))).toEqual(want);
    }
  });

  it("raises TF's shape error when the inner dimensions differ", () => {
    const { tf } = setup();
    expect(() => tf.matmul(tf.constant(A), tf.constant(A))).toThrow(
      "Dimensions must be equal, but are 3 and 2 for 'MatMul' (op: 'MatMul') with input shapes: [2,3], [2,3].",
    );
    expect(() => tf.matmul(tf.constant([1, 2]), tf.constant(A))).toThrow("Shape must be rank 2 but is rank 1 for 'MatMul_1' (op: 'MatMul') with input shapes: [2], [2,3].");
  });

  it("raises the kernel's error for fed matrices that do not fit", () => {
    const { tf, sess } = setup();
    const a = tf.placeholder(tf.float32, [null, null]);
    const m = tf.matmul(a, a);
    expect(() => sess.run(m, { feed_dict: new Map([[a, A]]) })).toThrow(/^Matrix size-incompatible: In\[0\]: \[2,3\], In\[1\]: \[2,3\]/);
  });
});
