/**
 * `tf.SparseTensorValue`: what `sess.run` returns for a fetched `tf.SparseTensor` — TF 1.x's
 * namedtuple of three numpy arrays, printed as Python prints it
 * (`SparseTensorValue(indices=array([[0, 0], ...]), values=array([1, 2], dtype=int32),
 * dense_shape=array([3, 4]))`) and unpacked as a tuple (`const [indices, values, shape] = v`).
 */
import { pyRepr } from "./format/python.js";

export class SparseTensorValue {
  /**
   * The three parts, as numpy arrays (or anything `tf.SparseTensor` accepts, when a program
   * builds one to feed or convert).
   * @example
   * const v = new tf.SparseTensorValue([[0, 0], [1, 2]], [1, 2], [3, 4]);
   */
  constructor(
    readonly indices: unknown,
    readonly values: unknown,
    readonly dense_shape: unknown,
  ) {}

  /** Unpacks as Python's namedtuple does: indices, values, dense_shape. */
  *[Symbol.iterator](): Iterator<unknown> {
    yield this.indices;
    yield this.values;
    yield this.dense_shape;
  }

  __repr__(): string {
    return `SparseTensorValue(indices=${pyRepr(this.indices)}, values=${pyRepr(this.values)}, dense_shape=${pyRepr(this.dense_shape)})`;
  }

  toString(): string {
    return this.__repr__();
  }
}

/**
 * `tf.SparseTensorValue` as programs reach it: the class, callable with or without `new`
 * (Python writes `tf.SparseTensorValue(indices, values, shape)`).
 */
export const SparseTensorValueClass = new Proxy(SparseTensorValue, {
  apply: (C, _self, args: unknown[]) => new C(args[0], args[1], args[2]),
}) as typeof SparseTensorValue & ((indices: unknown, values: unknown, dense_shape: unknown) => SparseTensorValue);
