/**
 * Python's operator overloads for tensors (TF 1.x's `math_ops` binary_op_wrapper): what the
 * playground's transpiler turns `a + b`, `-a`, `a < b` into. On plain numbers and strings
 * the operators keep JavaScript's meaning (with a string `%` doing Python's `%` formatting);
 * numpy arrays and the numpy scalars `sess.run` returns follow numpy 1.x (ufuncs.ts,
 * scalar_ops.ts); bytes concatenate only with bytes;
 * when either side is a tensor or variable they build graph ops exactly as TF names them:
 * `a + 2` makes `add/y` (a Const of a's dtype) and `add` (tensor_ops.ts: the one copy of
 * TF's operators, which API and gradient builders use too).
 */
import { EngineContext } from "../context.js";
import { Tensor } from "../graph.js";
import { PyFloat } from "../pyfloat.js";
import { pyPercentFormat } from "../format/python.js";
import { isTensorLike } from "./convert_tensor.js";
import { tensorOperators } from "./tensor_ops.js";
import { NDArray } from "../ndarray.js";
import { npBinary, npUnary } from "../numpy/ufuncs.js";
import { NpScalar } from "../numpy/scalar.js";
import { scalarBinary, scalarInvert, scalarNeg } from "../numpy/scalar_ops.js";
import { PyBytes, addBytes } from "../pybytes.js";

/** The names the transpiler emits as `__py.<name>(a, b)`. */
export type BinaryOperatorName = "add" | "sub" | "mul" | "truediv" | "mod" | "pow" | "lt" | "le" | "gt" | "ge" | "and" | "or" | "xor";

/** The runtime the transpiled program calls. */
export interface OperatorRuntime {
  add(a: unknown, b: unknown): unknown;
  sub(a: unknown, b: unknown): unknown;
  mul(a: unknown, b: unknown): unknown;
  truediv(a: unknown, b: unknown): unknown;
  mod(a: unknown, b: unknown): unknown;
  pow(a: unknown, b: unknown): unknown;
  lt(a: unknown, b: unknown): unknown;
  le(a: unknown, b: unknown): unknown;
  gt(a: unknown, b: unknown): unknown;
  ge(a: unknown, b: unknown): unknown;
  and(a: unknown, b: unknown): unknown;
  or(a: unknown, b: unknown): unknown;
  xor(a: unknown, b: unknown): unknown;
  neg(a: unknown): unknown;
  invert(a: unknown): unknown;
  /** A whole-valued float literal (`2.0`). */
  float(n: number): PyFloat;
  /** `obj[key] op= value`, evaluating obj and key once. */
  aug(obj: Record<PropertyKey, unknown>, key: PropertyKey, op: BinaryOperatorName, value: unknown): unknown;
  /** A computed key's property key (JavaScript's ToPropertyKey), as `{[key]: v}` takes it. */
  key(k: unknown): PropertyKey;
  /** An object literal with computed keys, from its keys and values in order: `{[a]: 1, b: 2}`. */
  object(...keysAndValues: unknown[]): Record<PropertyKey, unknown>;
}

/**
 * JavaScript's ToPropertyKey. A tensor (the feed_dict key of every training loop) converts
 * through its own toString, as ToPrimitive would call it; anything else goes through the
 * language itself.
 */
export function toPropertyKey(k: unknown): PropertyKey {
  if (typeof k === "string" || typeof k === "number" || typeof k === "symbol") return k;
  if (k instanceof Tensor) return k.toString();
  return Reflect.ownKeys({ [k as PropertyKey]: 0 })[0];
}

/**
 * Builds what the literal `{[k0]: v0, k1: v1, ...}` builds, by plain stores: V8 defines
 * computed keys of a literal through a slow path (about 0.2 µs for two keys, the cost of a
 * whole training step), while keyed stores of string keys are cached. A store differs from
 * the literal's definition only for `__proto__` (it would set the prototype), defined here.
 */
export function objectLiteral(...kv: unknown[]): Record<PropertyKey, unknown> {
  const o: Record<PropertyKey, unknown> = {};
  for (let i = 0; i < kv.length; i += 2) {
    const k = kv[i] as PropertyKey;
    if (k === "__proto__") Object.defineProperty(o, k, { value: kv[i + 1], writable: true, enumerable: true, configurable: true });
    else o[k] = kv[i + 1];
  }
  return o;
}

const runtimes = new WeakMap<EngineContext, OperatorRuntime>();

/** The operator runtime of a context, made once (`pyFor(ctx).sub(a, b)` is Python's `a - b`). */
export function pyFor(ctx: EngineContext): OperatorRuntime {
  let rt = runtimes.get(ctx);
  if (!rt) runtimes.set(ctx, (rt = operatorRuntime(ctx)));
  return rt;
}

/** Builds the operator runtime for one program's `tf` namespace. */
export function operatorRuntime(ctx: EngineContext): OperatorRuntime {
  const T = tensorOperators;
  const n = (x: unknown): unknown => (x instanceof Number ? x.valueOf() : x);
  const isT = (a: unknown, b: unknown) => isTensorLike(a) || isTensorLike(b);
  // numpy arithmetic when an NDArray meets a number or another NDArray (and no tensor).
  const isNd = (a: unknown, b: unknown) => a instanceof NDArray || b instanceof NDArray;
  // numpy 1.x's scalar arithmetic when a fetched numpy scalar meets a number (or another one).
  const isNs = (a: unknown, b: unknown) => (a instanceof NpScalar || b instanceof NpScalar) && typeof a !== "string" && typeof b !== "string";

  const rt: OperatorRuntime = {
    add: (a, b) => {
      if (typeof a === "number" && typeof b === "number") return a + b;
      if (isT(a, b)) return T.add(ctx, a, b);
      if (isNd(a, b)) return npBinary("add", a, b);
      if (isNs(a, b)) return scalarBinary("add", a, b);
      if (a instanceof PyBytes || b instanceof PyBytes) return addBytes(a, b);
      return (n(a) as number) + (n(b) as number);
    },
    sub: (a, b) => {
      if (typeof a === "number" && typeof b === "number") return a - b;
      if (isT(a, b)) return T.sub(ctx, a, b);
      if (isNd(a, b)) return npBinary("sub", a, b);
      if (isNs(a, b)) return scalarBinary("sub", a, b);
      return (n(a) as number) - (n(b) as number);
    },
    mul: (a, b) => {
      if (typeof a === "number" && typeof b === "number") return a * b;
      if (isT(a, b)) return T.mul(ctx, a, b);
      if (isNd(a, b)) return npBinary("mul", a, b);
      if (isNs(a, b)) return scalarBinary("mul", a, b);
      return (n(a) as number) * (n(b) as number);
    },
    truediv: (a, b) => {
      if (typeof a === "number" && typeof b === "number") return a / b;
      if (isT(a, b)) return T.truediv(ctx, a, b);
      if (isNd(a, b)) return npBinary("truediv", a, b);
      if (isNs(a, b)) return scalarBinary("truediv", a, b);
      return (n(a) as number) / (n(b) as number);
    },
    mod: (a, b) => {
      if (typeof a === "number" && typeof b === "number") return a % b;
      if (typeof a === "string") return pyPercentFormat(a, b);
      if (isT(a, b)) return T.mod(ctx, a, b);
      if (isNd(a, b)) return npBinary("mod", a, b);
      if (isNs(a, b)) return scalarBinary("mod", a, b);
      return (n(a) as number) % (n(b) as number);
    },
    pow: (a, b) => {
      if (typeof a === "number" && typeof b === "number") return a ** b;
      if (isT(a, b)) return T.pow(ctx, a, b);
      if (isNd(a, b)) return npBinary("pow", a, b);
      if (isNs(a, b)) return scalarBinary("pow", a, b);
      return (n(a) as number) ** (n(b) as number);
    },
    lt: (a, b) => {
      if (typeof a === "number" && typeof b === "number") return a < b;
      if (isT(a, b)) return T.lt(ctx, a, b);
      if (isNd(a, b)) return npBinary("lt", a, b);
      if (isNs(a, b)) return scalarBinary("lt", a, b);
      return (n(a) as number) < (n(b) as number);
    },
    le: (a, b) => {
      if (typeof a === "number" && typeof b === "number") return a <= b;
      if (isT(a, b)) return T.le(ctx, a, b);
      if (isNd(a, b)) return npBinary("le", a, b);
      if (isNs(a, b)) return scalarBinary("le", a, b);
      return (n(a) as number) <= (n(b) as number);
    },
    gt: (a, b) => {
      if (typeof a === "number" && typeof b === "number") return a > b;
      if (isT(a, b)) return T.gt(ctx, a, b);
      if (isNd(a, b)) return npBinary("gt", a, b);
      if (isNs(a, b)) return scalarBinary("gt", a, b);
      return (n(a) as number) > (n(b) as number);
    },
    ge: (a, b) => {
      if (typeof a === "number" && typeof b === "number") return a >= b;
      if (isT(a, b)) return T.ge(ctx, a, b);
      if (isNd(a, b)) return npBinary("ge", a, b);
      if (isNs(a, b)) return scalarBinary("ge", a, b);
      return (n(a) as number) >= (n(b) as number);
    },
    and: (a, b) => {
      if (isT(a, b)) return T.and(ctx, a, b);
      if (isNd(a, b)) return npBinary("and", a, b);
      if (isNs(a, b)) return scalarBinary("and", a, b);
      return (n(a) as number) & (n(b) as number);
    },
    or: (a, b) => {
      if (isT(a, b)) return T.or(ctx, a, b);
      if (isNd(a, b)) return npBinary("or", a, b);
      if (isNs(a, b)) return scalarBinary("or", a, b);
      return (n(a) as number) | (n(b) as number);
    },
    xor: (a, b) => {
      if (isT(a, b)) return T.xor(ctx, a, b);
      if (isNd(a, b)) return npBinary("xor", a, b);
      if (isNs(a, b)) return scalarBinary("xor", a, b);
      return (n(a) as number) ^ (n(b) as number);
    },
    neg: (a) => {
      if (typeof a === "number") return -a;
      if (isTensorLike(a)) return T.neg(ctx, a);
      if (a instanceof NDArray) return npUnary(a, (v) => -v, false);
      if (a instanceof NpScalar) return scalarNeg(a);
      return -(n(a) as number);
    },
    invert: (a) => {
      if (isTensorLike(a)) return T.invert(ctx, a);
      if (a instanceof NpScalar) return scalarInvert(a);
      return ~(n(a) as number);
    },
    float: (x) => new PyFloat(x),
    aug: (obj, key, op, value) => {
      const r = (rt[op] as (a: unknown, b: unknown) => unknown)(obj[key], value);
      obj[key] = r;
      return r;
    },
    key: toPropertyKey,
    object: objectLiteral,
  };
  return rt;
}
