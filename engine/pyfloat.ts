/**
 * Python float literals in a language with one number type.
 *
 * The playground's transpiler turns a whole-valued literal written as a float (`2.0`, `0.`, `1e3`)
 * into `new PyFloat(2)`, so that `tf.constant(2.0)` is float32 while `tf.constant(2)` is int32,
 * and `print(2.0)` prints `2.0` as Python does. A PyFloat is a boxed Number: arithmetic on it
 * gives plain numbers.
 */
export class PyFloat extends Number {
  /** Marks the box so checks do not depend on the class identity across bundles. */
  readonly __pyfloat__ = true;
}

/** True for a value the learner wrote as a float literal (boxed by the transpiler). */
export function isPyFloat(x: unknown): x is PyFloat {
  return typeof x === "object" && x !== null && (x as { __pyfloat__?: boolean }).__pyfloat__ === true;
}

/**
 * True for a JS number or a boxed one: a PyFloat, a numpy scalar (what `sess.run` returns for a
 * 0-d number), a `new Number(...)`.
 */
export function isNumberLike(x: unknown): x is number | Number {
  return typeof x === "number" || x instanceof Number;
}

/** Unboxes a PyFloat or a numpy scalar (any boxed Number); other values pass through unchanged. */
export function unbox<T>(x: T | Number): T | number {
  return x instanceof Number ? x.valueOf() : x;
}
