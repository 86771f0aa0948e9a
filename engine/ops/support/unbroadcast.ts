/**
 * The two pieces every broadcasting binary gradient in TF 1.14's math_grad.py is made of:
 * `_ShapesFullySpecifiedAndEqual` (the shortcut taken when nothing was broadcast) and the
 * reduction of each input's gradient back to its shape,
 * `reshape(reduce_sum(gx, rx), sx)` with `rx, ry = broadcast_gradient_args(shape(x), shape(y))`.
 */
import type { Operation, Tensor } from "../../graph.js";
import type { GradientBuilders } from "../../gradients/builders.js";

/**
 * TF's `_ShapesFullySpecifiedAndEqual(x, y, grad)`: the three static shapes are identical and
 * fully known.
 */
export function shapesFullySpecifiedAndEqual(x: Tensor, y: Tensor, grad: Tensor): boolean {
  const xs = x.shape;
  return xs.is_fully_defined() && xs.equals(y.shape) && xs.equals(grad.shape);
}

/**
 * Gradients `gx`, `gy` of a broadcasting op's inputs summed over the broadcast axes and
 * reshaped to the inputs' shapes, building TF's nodes in TF's order: `Shape`, `Shape_1`,
 * `BroadcastGradientArgs`, `Sum`, `Reshape`, `Sum_1`, `Reshape_1`.
 */
export function unbroadcast(op: Operation, gx: Tensor, gy: Tensor, b: GradientBuilders): [Tensor, Tensor] {
  const [x, y] = op.inputs;
  const tf = b.tf;
  const sx = tf.shape(x);
  const sy = tf.shape(y);
  const [rx, ry] = tf.broadcast_gradient_args(sx, sy);
  return [tf.reshape(tf.reduce_sum(gx, rx), sx), tf.reshape(tf.reduce_sum(gy, ry), sy)];
}
