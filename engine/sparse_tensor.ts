/**
 * `tf.SparseTensor` in the graph: three tensors — `indices` (int64 [N, rank]), `values` ([N])
 * and `dense_shape` (int64 [rank]) — that together stand for a dense tensor holding `values` at
 * `indices` and zeros elsewhere. It is not a node: its parts are. `sess.run` fetches the
 * three parts and returns a `SparseTensorValue`. The builder (`tf.SparseTensor(...)`, with
 * TF's conversions and checks) is api/tf/sparse.ts.
 */
import type { Graph, Operation, Tensor } from "./graph.js";
import { evalArgs } from "./graph_elements.js";
import { TensorShape } from "./shape.js";
import { constantValue } from "./ops/support/math_grad.js";

export class SparseTensorImpl {
  constructor(
    readonly indices: Tensor,
    readonly values: Tensor,
    readonly dense_shape: Tensor,
  ) {}

  /** The dtype of the values. */
  get dtype() {
    return this.values.dtype;
  }

  /** The op making the values (as TF's `SparseTensor.op`). */
  get op(): Operation {
    return this.values.op;
  }

  get graph(): Graph {
    return this.values.graph;
  }

  /** The dense shape, as far as it is known while building (`constant_value_as_shape`). */
  get shape(): TensorShape {
    const known = constantValue(this.dense_shape);
    if (known !== null) return new TensorShape(Array.from(known.data as Float64Array, Number));
    const rank = this.dense_shape.shape.dims?.[0] ?? null;
    return rank === null ? TensorShape.unknown() : new TensorShape(new Array(rank).fill(null));
  }

  get_shape(): TensorShape {
    return this.shape;
  }

  /**
   * Its value in a session (the default one unless given): a SparseTensorValue, as
   * `sess.run(sp)` gives it.
   * @example
   * const v = sp.eval({session: sess});
   */
  eval(feed_dict: unknown = null, session: unknown = null): unknown {
    const [fd, sess] = evalArgs(feed_dict, session);
    return this.graph.ctx.evalIn(this, fd, sess, "evaluate tensor");
  }

  __repr__(): string {
    return `SparseTensor(indices=${this.indices}, values=${this.values}, dense_shape=${this.dense_shape})`;
  }

  toString(): string {
    return this.__repr__();
  }
}
