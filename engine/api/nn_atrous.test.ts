/**
 * tf.nn.atrous_conv2d and tf.nn.convolution: the graph TF 1.15's nn_ops.py builds (one Conv2D
 * named `convolution` without dilation; SpaceToBatchND → Conv2D → BatchToSpaceND with it), the
 * values (the same as a Conv2D with a dilations attr), gradients, and TF's ValueErrors.
 */
import { describe, expect, it } from "vitest";
import { createTF, type TF } from "../tf.js";
import type { NDArray } from "../ndarray.js";
import type { Tensor } from "../graph.js";

const fresh = () => createTF({ seedSource: () => 1 });
const names = (tf: TF) =>
  tf
    .get_default_graph()
    .get_operations()
    .map((o) => `${o.name} ${o.type}`);

/** A [1, h, w, c] image of distinct values. */
function image(h: number, w: number, c: number): number[][][][] {
  let i = 0;
  return [Array.from({ length: h }, () => Array.from({ length: w }, () => Array.from({ length: c }, () => Math.sin(i++) * 2)))];
}

const close = (a: NDArray, b: NDArray) => {
  expect(a.shape).toEqual(b.shape);
  const d = a.data as Float32Array;
  (b.data as Float32Array).forEach((v, i) => expect(Math.abs(v - d[i])).toBeLessThan(1e-5));
};

describe("tf.nn.atrous_conv2d", () => {
  it("builds TF 1.15's SpaceToBatchND, VALID Conv2D and BatchToSpaceND in scope convolution, with its constants", () => {
    const tf = fresh();
    const y = tf.nn.atrous_conv2d(tf.ones([1, 5, 5, 1], tf.float32, "x"), tf.ones([3, 3, 1, 1], tf.float32, "w"), 2, "SAME");
    expect(String(y)).toBe('Tensor("convolution/BatchToSpaceND:0", shape=(1, 5, 5, 1), dtype=float32)');
    expect(names(tf).filter((n) => n.startsWith("convolution"))).toEqual([
      "convolution/dilation_rate Const",
      "convolution/filter_shape Const",
      "convolution/stack Const",
      "convolution/required_space_to_batch_paddings/input_shape Const",
      "convolution/required_space_to_batch_paddings/paddings Const",
      "convolution/required_space_to_batch_paddings/crops Const",
      "convolution/SpaceToBatchND/block_shape Const",
      "convolution/SpaceToBatchND/paddings Const",
      "convolution/SpaceToBatchND SpaceToBatchND",
      "convolution Conv2D",
      "convolution/BatchToSpaceND/block_shape Const",
      "convolution/BatchToSpaceND/crops Const",
      "convolution/BatchToSpaceND BatchToSpaceND",
    ]);
    const g = tf.get_default_graph();
    const sess = tf.Session();
    // A 5×5 input and a 3×3 filter at rate 2 (5×5 with holes), SAME: pad 2 each side, plus 1 at the end to divide by 2.
    expect(String(sess.run(g.get_tensor_by_name("convolution/SpaceToBatchND/paddings:0")))).toBe("[[2 3]\n [2 3]]");
    expect(String(sess.run(g.get_tensor_by_name("convolution/BatchToSpaceND/crops:0")))).toBe("[[0 1]\n [0 1]]");
    expect(g.get_operation_by_name("convolution").get_attr("padding")).toBe("VALID");
  });

  it("computes what a Conv2D with dilations computes, for SAME and VALID, and for an input of unknown size", () => {
    const tf = fresh();
    const x = tf.constant(image(7, 6, 2), tf.float32);
    const w4 = tf.reshape(tf.constant(image(3, 2, 6), tf.float32), [3, 2, 2, 3]);
    const p = tf.placeholder(tf.float32, [null, null, null, 2]);
    const sess = tf.Session();
    for (const padding of ["SAME", "VALID"]) {
      const direct = tf.nn.conv2d(x, w4, { strides: 1, padding, dilations: [1, 3, 3, 1] });
      const atrous = tf.nn.atrous_conv2d(x, w4, 3, padding);
      const dynamic = tf.nn.convolution(p, w4, padding, { dilation_rate: [3, 3] });
      const [a, b, c] = sess.run([direct, atrous, dynamic], { [p.name]: sess.run(x) }) as NDArray[];
      close(a, b);
      close(a, c);
    }
  });

  it("trains: its gradient (BatchToSpaceND and SpaceToBatchND around Conv2D's backprops) runs on the CPU", () => {
    const tf = fresh();
    const x = tf.constant(image(5, 5, 1), tf.float32);
    const w = tf.ones([3, 3, 1, 1]);
    const [gx] = tf.gradients(tf.reduce_sum(tf.nn.atrous_conv2d(x, w, 2, "SAME")), [x]) as Tensor[];
    // Each input pixel counts the dilated windows that read it.
    expect(String((tf.Session().run(gx) as NDArray).reshape([5, 5]))).toBe(
      "[[4. 4. 6. 4. 4.]\n [4. 4. 6. 4. 4.]\n [6. 6. 9. 6. 6.]\n [4. 4. 6. 4. 4.]\n [4. 4. 6. 4. 4.]]",
    );
  });

  it("is one Conv2D named convolution at rate 1, as TF's fast path builds it", () => {
    const tf = fresh();
    tf.nn.atrous_conv2d(tf.zeros([1, 4, 4, 1]), tf.zeros([2, 2, 1, 1]), 1, "VALID");
    expect(names(tf).filter((n) => n.startsWith("convolution"))).toEqual(["convolution Conv2D"]);
  });

  it("raises TF's ValueErrors for a bad rate, padding or channel count", () => {
    const tf = fresh();
    const x = tf.zeros([1, 8, 8, 2]);
    const w = tf.zeros([3, 3, 2, 1]);
    expect(() => tf.nn.atrous_conv2d(x, w, 0, "SAME")).toThrow("all values of dilation_rate must be positive");
    expect(() => tf.nn.atrous_conv2d(x, w, 2, "same")).toThrow("Invalid padding method 'same'");
    expect(() => tf.nn.convolution(x, w, "SAME", { strides: [2, 2], dilation_rate: [2, 2] })).toThrow("strides > 1 not supported in conjunction with dilation_rate > 1");
    expect(() => tf.nn.atrous_conv2d(x, tf.zeros([3, 3, 3, 1]), 2, "SAME")).toThrow("number of input channels does not match corresponding dimension of filter, 2 != 3");
    expect(() => tf.nn.convolution(x, w, "SAME", { dilation_rate: [2, 2, 2] })).toThrow("dilations should be of length 1, 2 or 4 but was 3");
  });
});
