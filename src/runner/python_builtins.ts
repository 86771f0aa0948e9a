/**
 * The Python built-ins TF 1.x programs lean on (`range`, `len`, `zip`, `round`, ...), given to
 * the learner's program as globals with Python 3's results and error texts. Lists come back as
 * arrays, tuples as arrays, iterators as arrays.
 */
import { isTensorLike, PyTypeError, ValueError, pyRepr, pyStr, pyTypeName, isPlainObject, NDArray, PyFloat, isPyFloat, isNpScalar, rint } from "../../engine";
import type { OperatorRuntime } from "../../engine";
import { memoryError, overflowError } from "./python_errors";
import { numpyAround, roundFloatDigits, roundIntDigits } from "./python_round";

/** The longest list `range` makes: a bigger one would take the page's memory, not just time. */
export const MAX_RANGE_LENGTH = 10_000_000;

/** What the built-ins need from the program's engine. */
export interface BuiltinDeps {
  /** The operator runtime, so `sum` of tensors builds `add` ops as Python's `sum` does. */
  py: OperatorRuntime;
  /** `tf.abs`, if the engine has it, for `abs(tensor)`. */
  tfAbs?: (x: unknown) => unknown;
}

/** The built-ins, keyed by their Python names. */
export type PythonBuiltins = ReturnType<typeof pythonBuiltins>;

/**
 * Builds the built-ins for one program.
 * @example
 * const { range, len } = pythonBuiltins({ py });
 * range(2, 8, 3); // [2, 5]
 */
export function pythonBuiltins(deps: BuiltinDeps) {
  return {
    range,
    len,
    str: (...args: unknown[]): string => (args.length === 0 ? "" : pyStr(args[0])),
    repr: (x: unknown): string => pyRepr(x),
    int: toInt,
    float: toFloat,
    abs: (x: unknown): unknown => absOf(x, deps),
    round: pyRound,
    zip,
    enumerate,
    sum: (iterable: unknown, start: unknown = 0): unknown => sumOf(iterable, start, deps.py),
    min: (...args: unknown[]): unknown => extreme("min", args),
    max: (...args: unknown[]): unknown => extreme("max", args),
    slice: pySlice,
  };
}

/**
 * Python's slice object, what `t[1:3]` passes to `__getitem__`: `t.__getitem__(slice(1, 3))`,
 * `t.__getitem__([slice(null), 0])` for `t[:, 0]`.
 */
export class PySlice {
  constructor(
    readonly start: unknown,
    readonly stop: unknown,
    readonly step: unknown,
  ) {}

  /** `slice(1, 3, None)`. */
  __repr__(): string {
    return `slice(${pyRepr(this.start)}, ${pyRepr(this.stop)}, ${pyRepr(this.step)})`;
  }

  toString(): string {
    return this.__repr__();
  }
}

/** Python's `slice(stop)` / `slice(start, stop[, step])`; `null` is None. */
function pySlice(...args: unknown[]): PySlice {
  if (args.length === 0) throw new PyTypeError("slice expected at least 1 argument, got 0");
  if (args.length > 3) throw new PyTypeError(`slice expected at most 3 arguments, got ${args.length}`);
  const none = (v: unknown) => (v === undefined ? null : v);
  return args.length === 1 ? new PySlice(null, none(args[0]), null) : new PySlice(none(args[0]), none(args[1]), none(args[2]));
}

/** Python's `range` as a list: `range(stop)`, `range(start, stop[, step])`. */
function range(...args: unknown[]): number[] {
  if (args.length === 0) throw new PyTypeError("range expected 1 argument, got 0");
  if (args.length > 3) throw new PyTypeError(`range expected at most 3 arguments, got ${args.length}`);
  const ints = args.map(asIndex);
  const [start, stop, step] = ints.length === 1 ? [0, ints[0], 1] : [ints[0], ints[1], ints[2] ?? 1];
  if (step === 0) throw new ValueError("range() arg 3 must not be zero");
  const length = Math.max(0, Math.ceil((stop - start) / step));
  if (length > MAX_RANGE_LENGTH) {
    throw memoryError(`range(...) would make a list of ${length} numbers; the playground makes lists of at most ${MAX_RANGE_LENGTH}`);
  }
  const out = new Array<number>(length);
  for (let i = 0; i < length; i++) out[i] = start + i * step;
  return out;
}

/** Python's `operator.index`: ints (and bools, and numpy's integer scalars) only. */
function asIndex(x: unknown): number {
  if (typeof x === "boolean") return x ? 1 : 0;
  if (typeof x === "number" && Number.isInteger(x)) return x;
  if (isNpScalar(x) && x.dtype.isInteger) return x.valueOf();
  throw new PyTypeError(`'${pyTypeName(x)}' object cannot be interpreted as an integer`);
}

/** Python's `len`. */
function len(x: unknown): number {
  if (typeof x === "string") return codePointCount(x);
  if (Array.isArray(x) || ArrayBuffer.isView(x)) return (x as ArrayLike<unknown>).length;
  if (x instanceof Map || x instanceof Set) return x.size;
  if (x instanceof NDArray) {
    if (x.shape.length === 0) throw new PyTypeError("len() of unsized object");
    return x.shape[0];
  }
  if (isTensorLike(x)) {
    throw new PyTypeError(`len is not well defined for symbolic Tensors. (${(x as { name?: string }).name}) Please call \`x.shape\` rather than \`len(x)\` for shape information.`);
  }
  const custom = (x as { __len__?: unknown } | null)?.__len__;
  if (typeof custom === "function") return Number(custom.call(x));
  if (isPlainObject(x)) return Object.keys(x).length;
  throw new PyTypeError(`object of type '${pyTypeName(x)}' has no len()`);
}

function codePointCount(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++, n++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
  }
  return n;
}

/** Python's `int(x[, base])`: truncates floats, parses strings. */
function toInt(...args: unknown[]): number {
  if (args.length === 0) return 0;
  const [x, base] = args;
  if (base !== undefined) {
    if (typeof x !== "string") throw new PyTypeError("int() can't convert non-string with explicit base");
    return parseIntLiteral(x, asIndex(base));
  }
  if (typeof x === "boolean") return x ? 1 : 0;
  if (typeof x === "string") return parseIntLiteral(x, 10);
  const n = numericValue(x, "int() argument must be a string, a bytes-like object or a number");
  if (Number.isNaN(n)) throw new ValueError("cannot convert float NaN to integer");
  if (!Number.isFinite(n)) throw overflowError("cannot convert float infinity to integer");
  const t = Math.trunc(n);
  return t === 0 ? 0 : t;
}

const PREFIX_BASES = { b: 2, o: 8, x: 16 };

function parseIntLiteral(text: string, base: number): number {
  const invalid = () => new ValueError(`invalid literal for int() with base ${base}: ${pyRepr(text)}`);
  if (base !== 0 && (base < 2 || base > 36)) throw new ValueError("int() base must be >= 2 and <= 36, or 0");
  let s = text.trim();
  let sign = 1;
  if (s.startsWith("-") || s.startsWith("+")) {
    sign = s[0] === "-" ? -1 : 1;
    s = s.slice(1);
  }
  let b = base === 0 ? 10 : base;
  const prefix = /^0([box])/i.exec(s);
  const prefixBase = prefix ? PREFIX_BASES[prefix[1].toLowerCase() as keyof typeof PREFIX_BASES] : 0;
  if (prefix && (base === 0 || base === prefixBase)) {
    b = prefixBase;
    s = s.slice(2).replace(/^_/, "");
  } else if (base === 0 && /^0+[1-9]/.test(s)) {
    // Base 0 reads the literal as Python source would, where `010` is a syntax error.
    throw invalid();
  }
  // Python allows single underscores between digits.
  if (s === "" || /^_|_$|__/.test(s)) throw invalid();
  const digits = s.replace(/_/g, "").toLowerCase();
  let value = 0;
  for (const ch of digits) {
    const d = parseInt(ch, 36);
    if (Number.isNaN(d) || d >= b) throw invalid();
    value = value * b + d;
  }
  return sign * value || 0;
}

/** Python's `float(x)`: a whole result comes back boxed, so that it prints as `2.0`. */
function toFloat(...args: unknown[]): number | PyFloat {
  if (args.length === 0) return new PyFloat(0);
  const x = args[0];
  let n: number;
  if (typeof x === "boolean") n = x ? 1 : 0;
  else if (typeof x === "string") n = parseFloatLiteral(x);
  else n = numericValue(x, "float() argument must be a string or a number");
  return Number.isInteger(n) ? new PyFloat(n) : n;
}

function parseFloatLiteral(text: string): number {
  const s = text.trim().toLowerCase();
  const special = /^([+-]?)(inf|infinity|nan)$/.exec(s);
  if (special) return special[2] === "nan" ? NaN : special[1] === "-" ? -Infinity : Infinity;
  if (/^[+-]?(\d(_?\d)*(\.(\d(_?\d)*)?)?|\.\d(_?\d)*)(e[+-]?\d(_?\d)*)?$/.test(s)) return Number(s.replace(/_/g, ""));
  throw new ValueError(`could not convert string to float: ${pyRepr(text)}`);
}

/** The number a scalar-like value stands for (numpy's size-1 arrays included). */
function numericValue(x: unknown, typeErrorText: string): number {
  if (typeof x === "number") return x;
  if (x instanceof Number) return x.valueOf(); // a float literal, a numpy scalar
  if (x instanceof NDArray && x.dtype.name !== "string") {
    if (x.size !== 1) throw new PyTypeError("only size-1 arrays can be converted to Python scalars");
    return Number(x.flatAt(0));
  }
  throw new PyTypeError(`${typeErrorText}, not '${pyTypeName(x)}'`);
}

/** Python's `abs`: numbers, numpy arrays elementwise, tensors through `tf.abs`. */
function absOf(x: unknown, deps: BuiltinDeps): unknown {
  if (typeof x === "number") return Math.abs(x);
  if (typeof x === "boolean") return x ? 1 : 0;
  if (isPyFloat(x)) return new PyFloat(Math.abs(x.valueOf()));
  // A numpy scalar keeps its dtype (`abs(np.float32(-2))` is `2.0`, a float32).
  if (isNpScalar(x)) return x.valueOf() < 0 || Object.is(x.valueOf(), -0) ? deps.py.neg(x) : x;
  if (x instanceof NDArray && (x.dtype.isFloating || x.dtype.isInteger)) {
    const out = x.copy();
    const data = out.data as Float32Array;
    for (let i = 0; i < data.length; i++) data[i] = Math.abs(data[i]);
    return out;
  }
  if (isTensorLike(x) && deps.tfAbs) return deps.tfAbs(x);
  const custom = (x as { __abs__?: unknown } | null)?.__abs__;
  if (typeof custom === "function") return custom.call(x);
  throw new PyTypeError(`bad operand type for abs(): '${pyTypeName(x)}'`);
}

/** Python's `round(x[, ndigits])`: halves to even; an int without ndigits. */
function pyRound(x: unknown, ndigits: unknown = null): unknown {
  const digits = ndigits === null || ndigits === undefined ? null : asIndex(ndigits);
  if (x instanceof NDArray) return roundArray(x, digits ?? 0);
  if (typeof x === "boolean") return digits === null ? Number(x) : roundIntDigits(Number(x), digits);
  const isFloat = isPyFloat(x) || (isNpScalar(x) && x.dtype.isFloating) || (typeof x === "number" && !Number.isInteger(x));
  if (typeof x !== "number" && !(x instanceof Number)) throw new PyTypeError(`type ${pyTypeName(x)} doesn't define __round__ method`);
  const n = Number(x);
  if (!isFloat) return digits === null ? n : roundIntDigits(n, digits);
  if (digits === null) {
    if (Number.isNaN(n)) throw new ValueError("cannot convert float NaN to integer");
    if (!Number.isFinite(n)) throw overflowError("cannot convert float infinity to integer");
    return rint(n) + 0; // an int has no -0
  }
  const r = roundFloatDigits(n, digits);
  return Number.isInteger(r) ? new PyFloat(r) : r;
}

/** numpy's `ndarray.__round__`: `np.around`, computed in the array's precision. */
function roundArray(x: NDArray, decimals: number): NDArray {
  if (!x.dtype.isFloating && !x.dtype.isInteger) throw new PyTypeError(`ufunc 'rint' not supported for the input types`);
  const out = x.copy();
  if (x.dtype.isInteger && decimals >= 0) return out;
  const data = out.data as Float32Array;
  const fround = x.dtype.name === "float32" ? Math.fround : (v: number) => v;
  for (let i = 0; i < data.length; i++) data[i] = numpyAround(data[i], decimals, fround);
  return out;
}

/** Python's `zip` as a list of tuples (arrays), as long as the shortest input. */
function zip(...iterables: unknown[]): unknown[][] {
  if (iterables.length === 0) return [];
  const lists = iterables.map((it, i) => pyIterable(it, `zip argument #${i + 1} must support iteration`));
  const n = Math.min(...lists.map((l) => l.length));
  const out = new Array<unknown[]>(n);
  for (let i = 0; i < n; i++) out[i] = lists.map((l) => l[i]);
  return out;
}

/** Python's `enumerate` as a list of `[index, item]` pairs. */
function enumerate(iterable: unknown, start: unknown = 0): [number, unknown][] {
  const first = asIndex(start);
  return pyIterable(iterable).map((item, i): [number, unknown] => [first + i, item]);
}

/**
 * Python's `sum(iterable, start=0)`: adds left to right with Python's `+`, so tensors make
 * `add` ops, and a float anywhere makes the result a float.
 */
function sumOf(iterable: unknown, start: unknown, py: OperatorRuntime): unknown {
  if (typeof start === "string") throw new PyTypeError("sum() can't sum strings [use ''.join(seq) instead]");
  let total = start;
  let anyFloat = isPyFloat(start);
  for (const item of pyIterable(iterable)) {
    if (typeof item === "string" && (typeof total === "number" || isPyFloat(total))) {
      throw new PyTypeError(`unsupported operand type(s) for +: '${pyTypeName(total)}' and 'str'`);
    }
    if (isPyFloat(item) || (typeof item === "number" && !Number.isInteger(item))) anyFloat = true;
    if (typeof item === "string" && isNpScalar(total)) {
      throw new PyTypeError(`unsupported operand type(s) for +: '${pyTypeName(total)}' and 'str'`);
    }
    total = py.add(total, item);
  }
  if (anyFloat && typeof total === "number" && Number.isInteger(total)) return new PyFloat(total);
  return total;
}

/** Python's `min`/`max`: of one iterable or of several arguments, with `key` and `default`. */
function extreme(which: "min" | "max", rawArgs: unknown[]): unknown {
  let args = rawArgs;
  let key: ((x: unknown) => unknown) | null = null;
  let fallback: { value: unknown } | null = null;
  const last = args[args.length - 1];
  if (args.length >= 2 && isPlainObject(last) && isKwargs(last, ["key", "default"])) {
    const kw = last as { key?: (x: unknown) => unknown; default?: unknown };
    key = kw.key ?? null;
    if ("default" in kw) fallback = { value: kw.default };
    args = args.slice(0, -1);
  }
  if (args.length === 0) throw new PyTypeError(`${which} expected 1 argument, got 0`);
  if (args.length > 1 && fallback) throw new PyTypeError(`Cannot specify a default for ${which}() with multiple positional arguments`);
  const items = args.length === 1 ? pyIterable(args[0]) : args;
  if (items.length === 0) {
    if (fallback) return fallback.value;
    throw new ValueError(`${which}() arg is an empty sequence`);
  }
  let best = items[0];
  let bestKey = key ? key(best) : best;
  for (let i = 1; i < items.length; i++) {
    const k = key ? key(items[i]) : items[i];
    // CPython keeps the first of equal items: replace only on a strict improvement.
    if (which === "min" ? pyLess(k, bestKey) : pyLess(bestKey, k)) {
      best = items[i];
      bestKey = k;
    }
  }
  return best;
}

/** Python's `a < b` for the values `min`/`max` compare. */
function pyLess(a: unknown, b: unknown): boolean {
  const x = comparable(a);
  const y = comparable(b);
  if (typeof x !== typeof y) {
    throw new PyTypeError(`'<' not supported between instances of '${pyTypeName(a)}' and '${pyTypeName(b)}'`);
  }
  return (x as number) < (y as number);
}

function comparable(x: unknown): number | string {
  if (typeof x === "number" || typeof x === "string") return x;
  if (typeof x === "boolean") return x ? 1 : 0;
  if (x instanceof Number) return x.valueOf(); // a float literal, a numpy scalar
  if (x instanceof NDArray) {
    if (x.size !== 1) throw new ValueError("The truth value of an array with more than one element is ambiguous. Use a.any() or a.all()");
    return comparable(x.flatAt(0));
  }
  if (isTensorLike(x)) {
    throw new PyTypeError(
      "Using a `tf.Tensor` as a Python `bool` is not allowed. Use `if t is not None:` instead of `if t:` to test if a tensor is defined, and use TensorFlow ops such as tf.cond to execute subgraphs conditioned on the value of a tensor.",
    );
  }
  throw new PyTypeError(`'<' not supported for '${pyTypeName(x)}'`);
}

/**
 * The items Python would iterate over: arrays, strings (characters), dicts (keys), sets, numpy
 * arrays (along the first axis), and any JavaScript iterable.
 */
export function pyIterable(x: unknown, notIterable?: string): unknown[] {
  if (Array.isArray(x)) return x;
  if (typeof x === "string") return [...x];
  if (x instanceof Map) return [...x.keys()];
  if (x instanceof NDArray) return rowsOf(x);
  if (isTensorLike(x)) {
    throw new PyTypeError("Tensor objects are only iterable when eager execution is enabled. To iterate over this tensor use tf.map_fn.");
  }
  if (x !== null && typeof x === "object" && typeof (x as Iterable<unknown>)[Symbol.iterator] === "function") {
    return Array.from(x as Iterable<unknown>);
  }
  if (isPlainObject(x)) return Object.keys(x);
  throw new PyTypeError(notIterable ?? `'${pyTypeName(x)}' object is not iterable`);
}

function rowsOf(a: NDArray): unknown[] {
  if (a.shape.length === 0) throw new PyTypeError("iteration over a 0-d array");
  const n = a.shape[0];
  if (a.shape.length === 1) return Array.from({ length: n }, (_, i) => a.flatAt(i));
  const rowShape = a.shape.slice(1);
  const rowSize = a.size / n;
  return Array.from({ length: n }, (_, i) => new NDArray(a.dtype, rowShape, a.data.slice(i * rowSize, (i + 1) * rowSize) as typeof a.data));
}

/** A trailing `{key: ..., default: ...}` object standing for Python keyword arguments. */
export function isKwargs(x: object, allowed: readonly string[]): boolean {
  const keys = Object.keys(x);
  return keys.length > 0 && keys.every((k) => allowed.includes(k));
}
