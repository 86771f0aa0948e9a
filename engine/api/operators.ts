/**
 * Python's operator overloads for tensors (TF 1.x's `math_ops` binary_op_wrapper): what the
 * playground's transpiler turns `a + b`, `-a`, `a < b` into. On plain numbers and strings
 * the operators keep JavaScript's meaning (with a string `%` doing Python's `%` formatting);
 * when either side is a tensor or variable they build graph ops exactly as TF names them:
 * `a + 2` makes `add/y` (a Const of a's dtype) and `add`.
 */
import { EngineContext } from "../context.js";
import { Tensor } from "../graph.js";
import { PyFloat, isPyFloat } from "../pyfloat.js";
import { pyPercentFormat } from "../format/python.js";
import { convertToTensor, isTensorLike, TensorConvertible } from "./convert_tensor.js";
import { NDArray } from "../ndarray.js";
import { npBinary, npUnary } from "../numpy/ufuncs.js";

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

function asTensor(x: unknown): Tensor {
  return x instanceof Tensor ? x : (x as TensorConvertible)._as_tensor(false);
}

/** Builds the operator runtime for one program's `tf` namespace. */
export function operatorRuntime(ctx: EngineContext): OperatorRuntime {
  const tf = () => ctx.tf;

  /**
   * TF's binary_op_wrapper: opens scope `opName`, converts the plain operand to a Const named
   * `y` (or `x` when reversed) with the tensor's dtype, then builds the op in that scope.
   */
  const wrap = (opName: string, build: (x: Tensor, y: Tensor, scope: string) => Tensor, a: unknown, b: unknown): Tensor => {
    const g = ctx.defaultGraph();
    return g.name_scope(opName, (scope) => {
      if (isTensorLike(a)) {
        const x = asTensor(a);
        const y = convertToTensor(ctx, b, { dtype: x.dtype.base_dtype, name: "y" });
        return build(x, y, scope);
      }
      const y = asTensor(b);
      const x = convertToTensor(ctx, a, { dtype: y.dtype.base_dtype, name: "x" });
      return build(x, y, scope);
    });
  };

  const n = (x: unknown): unknown => (isPyFloat(x) ? x.valueOf() : x);
  const isT = (a: unknown, b: unknown) => isTensorLike(a) || isTensorLike(b);
  // numpy arithmetic when an NDArray meets a number or another NDArray (and no tensor).
  const isNd = (a: unknown, b: unknown) => a instanceof NDArray || b instanceof NDArray;

  const rt: OperatorRuntime = {
    add: (a, b) => {
      if (typeof a === "number" && typeof b === "number") return a + b;
      if (isT(a, b)) return wrap("add", (x, y, s) => tf().add(x, y, s), a, b);
      if (isNd(a, b)) return npBinary("add", a, b);
      return (n(a) as number) + (n(b) as number);
    },
    sub: (a, b) => {
      if (typeof a === "number" && typeof b === "number") return a - b;
      if (isT(a, b)) return wrap("sub", (x, y, s) => tf().subtract(x, y, s), a, b);
      if (isNd(a, b)) return npBinary("sub", a, b);
      return (n(a) as number) - (n(b) as number);
    },
    mul: (a, b) => {
      if (typeof a === "number" && typeof b === "number") return a * b;
      if (isT(a, b)) return wrap("mul", (x, y, s) => tf().multiply(x, y, s), a, b);
      if (isNd(a, b)) return npBinary("mul", a, b);
      return (n(a) as number) * (n(b) as number);
    },
    truediv: (a, b) => {
      if (typeof a === "number" && typeof b === "number") return a / b;
      if (isT(a, b)) return wrap("truediv", (x, y, s) => tf().truediv(x, y, s), a, b);
      if (isNd(a, b)) return npBinary("truediv", a, b);
      return (n(a) as number) / (n(b) as number);
    },
    mod: (a, b) => {
      if (typeof a === "number" && typeof b === "number") return a % b;
      if (typeof a === "string") return pyPercentFormat(a, b);
      if (isT(a, b)) return wrap("mod", (x, y, s) => tf().floormod(x, y, s), a, b);
      if (isNd(a, b)) return npBinary("mod", a, b);
      return (n(a) as number) % (n(b) as number);
    },
    pow: (a, b) => {
      if (typeof a === "number" && typeof b === "number") return a ** b;
      if (isT(a, b)) return wrap("pow", (x, y, s) => tf().pow(x, y, s), a, b);
      if (isNd(a, b)) return npBinary("pow", a, b);
      return (n(a) as number) ** (n(b) as number);
    },
    // Comparisons are not wrapped in TF: `a < 2` is `Less` with `Less/y`, and `2 < a` is
    // Python's reflected `a > 2`.
    lt: (a, b) => {
      if (typeof a === "number" && typeof b === "number") return a < b;
      if (isTensorLike(a)) return tf().less(a, b);
      if (isTensorLike(b)) return tf().greater(b, a);
      if (isNd(a, b)) return npBinary("lt", a, b);
      return (n(a) as number) < (n(b) as number);
    },
    le: (a, b) => {
      if (typeof a === "number" && typeof b === "number") return a <= b;
      if (isTensorLike(a)) return tf().less_equal(a, b);
      if (isTensorLike(b)) return tf().greater_equal(b, a);
      if (isNd(a, b)) return npBinary("le", a, b);
      return (n(a) as number) <= (n(b) as number);
    },
    gt: (a, b) => {
      if (typeof a === "number" && typeof b === "number") return a > b;
      if (isTensorLike(a)) return tf().greater(a, b);
      if (isTensorLike(b)) return tf().less(b, a);
      if (isNd(a, b)) return npBinary("gt", a, b);
      return (n(a) as number) > (n(b) as number);
    },
    ge: (a, b) => {
      if (typeof a === "number" && typeof b === "number") return a >= b;
      if (isTensorLike(a)) return tf().greater_equal(a, b);
      if (isTensorLike(b)) return tf().less_equal(b, a);
      if (isNd(a, b)) return npBinary("ge", a, b);
      return (n(a) as number) >= (n(b) as number);
    },
    and: (a, b) => {
      if (isT(a, b)) return wrap("and", (x, y, s) => tf().logical_and(x, y, s), a, b);
      if (isNd(a, b)) return npBinary("and", a, b);
      return (n(a) as number) & (n(b) as number);
    },
    or: (a, b) => {
      if (isT(a, b)) return wrap("or", (x, y, s) => tf().logical_or(x, y, s), a, b);
      if (isNd(a, b)) return npBinary("or", a, b);
      return (n(a) as number) | (n(b) as number);
    },
    xor: (a, b) => {
      if (isT(a, b)) return wrap("xor", (x, y, s) => tf().logical_xor(x, y, s), a, b);
      if (isNd(a, b)) return npBinary("xor", a, b);
      return (n(a) as number) ^ (n(b) as number);
    },
    neg: (a) => {
      if (typeof a === "number") return -a;
      if (isTensorLike(a)) return tf().negative(a);
      if (a instanceof NDArray) return npUnary(a, (v) => -v, false);
      return -(n(a) as number);
    },
    invert: (a) => {
      if (isTensorLike(a)) return tf().logical_not(a);
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
