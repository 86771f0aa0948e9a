/**
 * Reducing the gradients of a broadcasting binary op back to each input's shape, as TF's
 * `_AddGrad` / `_MulGrad` do: `reshape(reduce_sum(g, rx), shape(x))` with
 * `rx, ry = broadcast_gradient_args(shape(x), shape(y))`, skipped when all shapes are equal
 * and fully known (TF's `_ShapesFullySpecifiedAndEqual`).
 */
import type { Operation, Tensor } from "../graph.js";

/** Gradients `gx`, `gy` of a broadcasting op's inputs reduced to the inputs' shapes. */
export function unbroadcast(op: Operation, gx: Tensor, gy: Tensor): [Tensor, Tensor] {
  const [x, y] = op.inputs;
  if (x.shape.is_fully_defined() && y.shape.is_fully_defined() && x.shape.equals(y.shape) && gx.shape.equals(x.shape) && gy.shape.equals(y.shape)) {
    return [gx, gy];
  }
  const tf = op.graph.ctx.tf;
  const sx = tf.shape(x);
  const sy = tf.shape(y);
  const [rx, ry] = tf.broadcast_gradient_args(sx, sy);
  return [tf.reshape(tf.reduce_sum(gx, rx), sx), tf.reshape(tf.reduce_sum(gy, ry), sy)];
}
