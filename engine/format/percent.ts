/**
 * Python 3's `%` string formatting (`"m=%.4f" % [m]`), CPython's `PyUnicode_Format` rules and
 * error texts. Exported through python.ts with the rest of Python's printing.
 */
import { KeyError, OverflowError, PyTypeError, ValueError } from "../errors.js";
import { NDArray } from "../ndarray.js";
import { NpScalar } from "../numpy/scalar.js";
import { formatC, type CFloatConversion } from "./floats.js";
import { isPlainObject, pyTypeName } from "./pytypes.js";
import { hex, pyRepr, pyStr, pyStringRepr } from "./repr.js";

interface ConversionSpec {
  ljust: boolean;
  sign: boolean;
  blank: boolean;
  alt: boolean;
  zero: boolean;
  width: number;
  prec: number;
  conv: string;
}

/**
 * Python 3's `fmt % args` (CPython's `PyUnicode_Format`, unicodeobject.c): `args` is one value, an
 * array standing for a tuple, or a plain object / Map for `%(name)s`. Conversions
 * `s r a d i u o x X e E f F g G c %`, flags `- + space # 0`, width, `.precision` and `*`.
 * Errors are Python's: PyTypeError `not enough arguments for format string`, `not all arguments
 * converted during string formatting`, `%d format: a number is required, not str` (Python 3.5–3.9
 * wording; 3.10+ says "a real number"), ValueError `unsupported format character 'y' (0x79) at
 * index 1`, `incomplete format`, KeyError for a missing key.
 * @example pyPercentFormat("%s: %.3f", ["loss", 0.25]) // "loss: 0.250"
 * @example pyPercentFormat("%(n)05d", { n: 42 }) // "00042"
 */
export function pyPercentFormat(fmt: string, args: unknown): string {
  const isTuple = Array.isArray(args);
  const dict = !isTuple && typeof args === "object" && args !== null && (args instanceof Map || isPlainObject(args)) ? args : null;
  // CPython's argument cursor: a non-tuple is one argument (arglen -1, argidx -2).
  let current: unknown = args;
  let arglen = isTuple ? (args as unknown[]).length : -1;
  let argidx = isTuple ? 0 : -2;
  const nextArg = (): unknown => {
    if (argidx < arglen) {
      const i = argidx++;
      return arglen < 0 ? current : (current as unknown[])[i];
    }
    throw new PyTypeError("not enough arguments for format string");
  };

  let out = "";
  let pos = 0;
  while (pos < fmt.length) {
    const pct = fmt.indexOf("%", pos);
    if (pct < 0) {
      out += fmt.slice(pos);
      break;
    }
    out += fmt.slice(pos, pct);
    pos = pct + 1;
    if (fmt[pos] === "%") {
      out += "%";
      pos++;
      continue;
    }
    if (fmt[pos] === "(") {
      if (dict === null) throw new PyTypeError("format requires a mapping");
      let depth = 1;
      const start = ++pos;
      while (pos < fmt.length && depth > 0) {
        if (fmt[pos] === "(") depth++;
        else if (fmt[pos] === ")") depth--;
        pos++;
      }
      if (depth > 0) throw new ValueError("incomplete format key");
      const key = fmt.slice(start, pos - 1);
      current = lookup(dict, key);
      arglen = -1;
      argidx = -2;
    }
    const spec: ConversionSpec = { ljust: false, sign: false, blank: false, alt: false, zero: false, width: -1, prec: -1, conv: "" };
    for (; pos < fmt.length; pos++) {
      const c = fmt[pos];
      if (c === "-") spec.ljust = true;
      else if (c === "+") spec.sign = true;
      else if (c === " ") spec.blank = true;
      else if (c === "#") spec.alt = true;
      else if (c === "0") spec.zero = true;
      else break;
    }
    if (fmt[pos] === "*") {
      pos++;
      spec.width = starArg(nextArg());
      if (spec.width < 0) {
        spec.ljust = true;
        spec.width = -spec.width;
      }
    } else {
      const m = /^\d+/.exec(fmt.slice(pos));
      if (m) {
        spec.width = Number(m[0]);
        pos += m[0].length;
      }
    }
    if (fmt[pos] === ".") {
      pos++;
      if (fmt[pos] === "*") {
        pos++;
        spec.prec = Math.max(0, starArg(nextArg()));
      } else {
        const m = /^\d*/.exec(fmt.slice(pos))!;
        spec.prec = Number(m[0] || "0");
        pos += m[0].length;
      }
    }
    // Length modifiers are accepted and ignored, as in C.
    if (fmt[pos] === "h" || fmt[pos] === "l" || fmt[pos] === "L") pos++;
    if (pos >= fmt.length) throw new ValueError("incomplete format");
    const conv = String.fromCodePoint(fmt.codePointAt(pos)!);
    spec.conv = conv;
    pos += conv.length;
    const value = nextArg();
    out += outputArg(convert(value, spec, pos - conv.length), spec);
  }
  if (argidx < arglen && dict === null) {
    throw new PyTypeError("not all arguments converted during string formatting");
  }
  return out;
}

function lookup(dict: object, key: string): unknown {
  if (dict instanceof Map) {
    if (!dict.has(key)) throw new KeyError(pyStringRepr(key));
    return dict.get(key);
  }
  if (!Object.prototype.hasOwnProperty.call(dict, key)) throw new KeyError(pyStringRepr(key));
  return (dict as Record<string, unknown>)[key];
}

function starArg(v: unknown): number {
  const n = asPyInt(v);
  if (n === null) throw new PyTypeError("* wants int");
  return Number(n);
}

/**
 * The value as a Python int when it is one (int, bool, integral JS number, a numpy integer
 * scalar, which has `__index__`), else null.
 */
function asPyInt(v: unknown): bigint | null {
  if (typeof v === "boolean") return v ? 1n : 0n;
  if (typeof v === "bigint") return v;
  if (typeof v === "number" && Number.isInteger(v)) return BigInt(v);
  if (v instanceof NpScalar && v.dtype.isInteger) return BigInt(v.valueOf());
  return null;
}

/** The conversion's text before width and sign handling. */
function convert(v: unknown, spec: ConversionSpec, index: number): string {
  const c = spec.conv;
  switch (c) {
    case "s":
      return pyStr(v);
    case "r":
      return pyRepr(v);
    case "a":
      return asciiRepr(v);
    case "d":
    case "i":
    case "u":
    case "o":
    case "x":
    case "X":
      return formatInt(toPyInt(v, c), c, spec);
    case "e":
    case "E":
    case "f":
    case "F":
    case "g":
    case "G": {
      const x = toPyFloat(v);
      const lower = c.toLowerCase() as CFloatConversion;
      const text = formatC(x, lower, spec.prec < 0 ? 6 : spec.prec, spec.alt);
      return c === lower ? text : text.toUpperCase();
    }
    case "c":
      return toChar(v);
    default: {
      const cp = c.codePointAt(0)!;
      const shown = cp >= 31 && cp <= 126 ? c : "?";
      throw new ValueError(`unsupported format character '${shown}' (0x${cp.toString(16)}) at index ${index}`);
    }
  }
}

/** Python's `ascii(x)`: repr with every non-ASCII character escaped. */
function asciiRepr(v: unknown): string {
  if (typeof v === "string") return pyStringRepr(v, true);
  let out = "";
  for (const ch of pyRepr(v)) {
    const cp = ch.codePointAt(0)!;
    out += cp < 0x80 ? ch : cp <= 0xff ? "\\x" + hex(cp, 2) : cp <= 0xffff ? "\\u" + hex(cp, 4) : "\\U" + hex(cp, 8);
  }
  return out;
}

/** `int(v)` for `%d` (or `operator.index(v)` for `%x %X %o`), with CPython's error texts. */
function toPyInt(v: unknown, conv: string): bigint {
  const indexOnly = conv === "o" || conv === "x" || conv === "X";
  const wrongType = () =>
    new PyTypeError(
      indexOnly
        ? `%${conv} format: an integer is required, not ${pyTypeName(v)}`
        : `%${conv} format: a number is required, not ${pyTypeName(v)}`,
    );
  const exact = asPyInt(v);
  if (exact !== null) return exact;
  if (indexOnly) {
    if (isNDArray(v) && v.shape.length === 0 && (v.dtype.isInteger || v.dtype.name === "bool")) {
      return BigInt(Number(v.data[0]));
    }
    throw wrongType();
  }
  let x: number;
  if (typeof v === "number") x = v;
  else if (v instanceof Number) x = v.valueOf(); // a float literal, a numpy float scalar
  else if (isNDArray(v) && v.size === 1 && v.dtype.name !== "string") x = Number(v.data[0]);
  else throw wrongType();
  if (Number.isNaN(x)) throw new ValueError("cannot convert float NaN to integer");
  if (!Number.isFinite(x)) throw new OverflowError("cannot convert float infinity to integer");
  return BigInt(Math.trunc(x));
}

/** `float(v)` for `%e %f %g`. */
function toPyFloat(v: unknown): number {
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (typeof v === "bigint") return Number(v);
  if (v instanceof Number) return v.valueOf(); // a float literal, a numpy scalar
  if (isNDArray(v) && v.dtype.name !== "string") {
    if (v.size !== 1) throw new PyTypeError("only size-1 arrays can be converted to Python scalars");
    return Number(v.data[0]);
  }
  throw new PyTypeError(`must be real number, not ${pyTypeName(v)}`);
}

function toChar(v: unknown): string {
  const n = asPyInt(v);
  if (n !== null) {
    if (n < 0n || n > 0x10ffffn) throw new OverflowError("%c arg not in range(0x110000)");
    return String.fromCodePoint(Number(n));
  }
  if (typeof v === "string" && [...v].length === 1) return v;
  throw new PyTypeError("%c requires int or char");
}

function isNDArray(v: unknown): v is NDArray {
  return v instanceof NDArray;
}

/** CPython's `_PyUnicode_FormatLong`: digits, zero-extended to the precision, `0x`/`0o` for `#`. */
function formatInt(n: bigint, conv: string, spec: ConversionSpec): string {
  const neg = n < 0n;
  const base = conv === "o" ? 8 : conv === "x" || conv === "X" ? 16 : 10;
  let digits = (neg ? -n : n).toString(base);
  if (spec.prec > digits.length) digits = digits.padStart(spec.prec, "0");
  if (spec.alt && base !== 10) digits = (conv === "o" ? "0o" : "0x") + digits;
  if (conv === "X") digits = digits.toUpperCase();
  return (neg ? "-" : "") + digits;
}

/** CPython's `unicode_format_arg_output`: precision truncation, sign, `0x` prefix and padding. */
function outputArg(str: string, spec: ConversionSpec): string {
  const chars = [...str];
  let len = chars.length;
  const { conv } = spec;
  let width = spec.width;
  if ((width === -1 || width <= len) && (spec.prec === -1 || spec.prec >= len) && !spec.sign && !spec.blank) {
    return str;
  }
  if ((conv === "s" || conv === "r" || conv === "a") && spec.prec >= 0 && len > spec.prec) len = spec.prec;
  const numeric = "diuoxXeEfFgG".includes(conv);
  const fill = numeric && spec.zero ? "0" : " ";
  const prefixed = spec.alt && (conv === "x" || conv === "X" || conv === "o");
  let pindex = 0;
  let signChar = "";
  if (numeric) {
    const first = chars[0];
    if (first === "-" || first === "+") {
      signChar = first;
      len--;
      pindex++;
    } else if (spec.sign) {
      signChar = "+";
    } else if (spec.blank) {
      signChar = " ";
    }
  }
  if (width < len) width = len;
  let out = "";
  if (signChar) {
    if (fill !== " ") out += signChar;
    if (width > len) width--;
  }
  if (prefixed) {
    if (fill !== " ") {
      out += chars[pindex] + chars[pindex + 1];
      pindex += 2;
    }
    width = Math.max(0, width - 2);
    len -= 2;
  }
  if (width > len && !spec.ljust) {
    out += fill.repeat(width - len);
    width = len;
  }
  if (fill === " ") {
    out += signChar;
    if (prefixed) {
      out += chars[pindex] + chars[pindex + 1];
      pindex += 2;
    }
  }
  out += chars.slice(pindex, pindex + len).join("");
  if (width > len) out += " ".repeat(width - len);
  return out;
}
