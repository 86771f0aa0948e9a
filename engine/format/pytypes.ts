/**
 * Python's view of a JS value's type, for error texts: a `{...}` literal and a Map are a
 * `dict`, an array a `list`, an NDArray a numpy array, a number an `int` or a `float`. One copy
 * for the engine and the runner, so a message does not depend on the path that raised it.
 */
import { isPyFloat } from "../pyfloat.js";

/** True for `{...}` literals (not arrays, class instances, Maps, tensors). */
export function isPlainObject(x: unknown): x is Record<string, unknown> {
  if (x === null || typeof x !== "object") return false;
  const proto = Object.getPrototypeOf(x);
  return proto === Object.prototype || proto === null;
}

/** True for a `class` (Python's `type` objects), not a plain function. */
export function isClass(f: unknown): boolean {
  return typeof f === "function" && /^class[\s{]/.test(Function.prototype.toString.call(f));
}

/**
 * The type's name as CPython's own messages print it (`tp_name`): `str`, `NoneType`, `float`,
 * `numpy.ndarray` — e.g. `object of type 'numpy.ndarray' has no len()`, `<class 'numpy.ndarray'>`.
 */
export function pyTypeName(x: unknown): string {
  if (x === null || x === undefined) return "NoneType";
  switch (typeof x) {
    case "boolean":
      return "bool";
    case "number":
      return Number.isInteger(x) ? "int" : "float";
    case "bigint":
      return "int";
    case "string":
      return "str";
    case "function":
      return isClass(x) ? "type" : "function";
    case "symbol":
      return "symbol";
  }
  if (isPyFloat(x)) return "float";
  // Values that carry Python's name for their type: numpy scalars (`numpy.float32`), bytes.
  const named = (x as { __pytype__?: unknown }).__pytype__;
  if (typeof named === "string") return named;
  if (Array.isArray(x) || ArrayBuffer.isView(x)) return "list";
  if (x instanceof Map || isPlainObject(x)) return "dict";
  if (x instanceof Set) return "set";
  const name = (x as object).constructor?.name;
  if (name === "NDArray") return "numpy.ndarray";
  return name || "object";
}

/**
 * `type(x).__name__`, as TF's Python formats its messages with it: like pyTypeName without the
 * module (`ndarray`), e.g. `Can not convert a ndarray into a Tensor or Operation.`
 */
export function pyClassName(x: unknown): string {
  const name = pyTypeName(x);
  return name.slice(name.lastIndexOf(".") + 1);
}
