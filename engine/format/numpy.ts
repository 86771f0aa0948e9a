/**
 * numpy 1.16's `str(a)` and `repr(a)` with the default print options (precision=8, threshold=1000,
 * edgeitems=3, linewidth=75, floatmode='maxprec', sign='-', suppress=False, legacy=False).
 *
 * A port of numpy/core/arrayprint.py (1.16): `array2string` → `_array2string` →
 * `_formatArray`'s `recurser`, `_extendLine`, `FloatingFormat.fillFormat`, `IntegerFormat`,
 * `BoolFormat`, `_object_format`, and `array_repr`'s dtype placement. String tensors come back
 * from TF as object arrays of `bytes`, so they print as `b'...'` reprs.
 */
import type { NDArray } from "../ndarray.js";
import { shapeTuple, stridesOf } from "../shape.js";
import { dragon4Positional, dragon4Scientific, float32Repr, float64Repr, type FloatKind } from "./floats.js";

const PRECISION = 8;
const THRESHOLD = 1000;
const EDGE_ITEMS = 3;
const LINE_WIDTH = 75;

/** Formats the element at a flat (row-major) index. */
type ElementFormat = (flatIndex: number) => string;

/**
 * numpy's `str(a)`: `[3. 7.]`, `[[22. 28.]\n [49. 64.]]`, `[b'a' b'bc']`; a 0-d array prints as
 * its scalar would (`2.0`, `5`, `True`).
 */
export function formatArrayStr(a: NDArray): string {
  if (a.shape.length === 0) return formatScalar(a);
  return array2string(a, " ", "", "");
}

/**
 * numpy's `repr(a)`: `array([3., 7.], dtype=float32)`. The dtype is shown unless numpy implies it
 * (float64, int64 and bool on 64-bit Linux, where the default int is int64, so int32 shows). Empty arrays
 * other than shape (0,) show their shape: `array([], shape=(2, 0), dtype=float32)`. A 0-d array
 * prints as its scalar, since sess.run gives numpy scalars for rank-0 tensors.
 */
export function formatArrayRepr(a: NDArray): string {
  if (a.shape.length === 0) return formatScalar(a);
  // array_repr (arrayprint.py): prefix, suffix and where the dtype goes.
  const skipDtype = dtypeIsImplied(a) && a.size > 0;
  const prefix = "array(";
  const suffix = skipDtype ? ")" : ",";
  const lst =
    a.size > 0 || (a.shape.length === 1 && a.shape[0] === 0)
      ? array2string(a, ", ", prefix, suffix)
      : `[], shape=${shapeTuple(a.shape)}`;
  const arrStr = prefix + lst + suffix;
  if (skipDtype) return arrStr;
  const dtypeStr = `dtype=${numpyDtypeName(a)})`;
  const lastLineLen = arrStr.length - (arrStr.lastIndexOf("\n") + 1);
  const spacer = lastLineLen + dtypeStr.length + 1 > LINE_WIDTH ? "\n" + " ".repeat(prefix.length) : " ";
  return arrStr + spacer + dtypeStr;
}

function dtypeIsImplied(a: NDArray): boolean {
  return a.dtype.name === "float64" || a.dtype.name === "int64" || a.dtype.name === "bool";
}

function numpyDtypeName(a: NDArray): string {
  return a.dtype.name === "string" ? "object" : a.dtype.name;
}

/** A numpy scalar's str/repr (numpy ≥ 1.14 prints both the same way for these types). */
function formatScalar(a: NDArray): string {
  const v = a.data[0];
  switch (a.dtype.name) {
    case "float32":
      return float32Repr(v as number);
    case "float64":
      return float64Repr(v as number);
    case "int32":
    case "int64":
      return String(v);
    case "bool":
      return v ? "True" : "False";
    case "string":
    case "resource":
    case "variant":
      return bytesRepr(v as string);
  }
}

/** `array2string(a, separator=..., prefix=..., suffix=...)` for an array of size ≥ 0 and rank ≥ 1. */
function array2string(a: NDArray, separator: string, prefix: string, suffix: string): string {
  if (a.size === 0) return "[]";
  const lineWidth = LINE_WIDTH - suffix.length;
  const summarize = a.size > THRESHOLD;
  // The element format is fitted to the elements that will be shown (`_leading_trailing`).
  const shown = summarize ? leadingTrailing(a.shape, EDGE_ITEMS) : undefined;
  const format = elementFormat(a, shown);
  const nextLinePrefix = " " + " ".repeat(prefix.length);
  return formatArray(a.shape, format, lineWidth, nextLinePrefix, separator, EDGE_ITEMS, summarize ? "..." : "");
}

/** Flat indices of the N-D corners of an array (numpy's `_leading_trailing`). */
function leadingTrailing(shape: readonly number[], edgeItems: number): number[] {
  const strides = stridesOf(shape);
  const out: number[] = [];
  const walk = (axis: number, offset: number) => {
    if (axis === shape.length) {
      out.push(offset);
      return;
    }
    const n = shape[axis];
    const idx = n > 2 * edgeItems ? [...range(0, edgeItems), ...range(n - edgeItems, n)] : range(0, n);
    for (const i of idx) walk(axis + 1, offset + i * strides[axis]);
  };
  walk(0, 0);
  return out;
}

function range(start: number, end: number): number[] {
  const r: number[] = [];
  for (let i = start; i < end; i++) r.push(i);
  return r;
}

/** `_get_format_function`: one formatter per dtype, fitted to the shown elements. */
function elementFormat(a: NDArray, shown: number[] | undefined): ElementFormat {
  const indices = shown ?? range(0, a.size);
  switch (a.dtype.name) {
    case "float32":
    case "float64": {
      const data = a.data as Float32Array | Float64Array;
      const f = floatingFormat(
        indices.map((i) => data[i]),
        a.dtype.name,
      );
      return (i) => f(data[i]);
    }
    case "int32":
    case "int64": {
      // IntegerFormat: '%{w}d' with w the longer of str(max) and str(min).
      const data = a.data as Int32Array | Float64Array;
      let max = -Infinity;
      let min = Infinity;
      for (const i of indices) {
        max = Math.max(max, data[i]);
        min = Math.min(min, data[i]);
      }
      const width = Math.max(String(max).length, String(min).length);
      return (i) => String(data[i]).padStart(width);
    }
    case "bool":
      // BoolFormat: " True" so that True and False line up.
      return (i) => (a.data[i] ? " True" : "False");
    case "string":
    case "resource":
    case "variant":
      // _object_format: repr() of each element, no alignment.
      return (i) => bytesRepr((a.data as string[])[i]);
  }
}

/**
 * numpy 1.16's `FloatingFormat` for floatmode 'maxprec': choose positional or scientific from the
 * non-zero finite values, print every value once to find the widest integer, fraction and exponent
 * parts, then pad every element to those widths.
 */
function floatingFormat(values: number[], kind: FloatKind): (x: number) => string {
  const finite = values.filter((v) => Number.isFinite(v));
  const absNonZero = finite.filter((v) => v !== 0).map(Math.abs);
  let expFormat = false;
  if (absNonZero.length > 0) {
    const max = Math.max(...absNonZero);
    const min = Math.min(...absNonZero);
    // numpy divides two float32 scalars in float32, then compares in float64.
    const ratio = kind === "float32" ? Math.fround(max / min) : max / min;
    expFormat = max >= 1e8 || min < 0.0001 || ratio > 1000;
  }

  let padLeft = 0;
  let padRight = 0;
  let precision = PRECISION;
  let expSize = -1;
  let unique = true;
  let trim: "." | "k" = ".";
  if (finite.length > 0 && expFormat) {
    const strs = finite.map((x) => dragon4Scientific(x, kind, { precision, unique: true, trim: "." }));
    const parts = strs.map((s) => {
      const [mant, exp] = s.split("e");
      const [int, frac] = mant.split(".");
      return { int, frac, exp };
    });
    expSize = Math.max(...parts.map((p) => p.exp.length)) - 1;
    precision = Math.max(...parts.map((p) => p.frac.length));
    padLeft = Math.max(...parts.map((p) => p.int.length));
    padRight = expSize + 2 + precision;
    // numpy 1.16 reprints with unique=False: exact digits rounded to the common precision.
    unique = false;
    trim = "k";
  } else if (finite.length > 0) {
    const strs = finite.map((x) => dragon4Positional(x, kind, { precision, unique: true, fractional: true, trim: "." }));
    const parts = strs.map((s) => s.split("."));
    padLeft = Math.max(...parts.map((p) => p[0].length));
    padRight = Math.max(...parts.map((p) => p[1].length));
  }
  if (finite.length !== values.length) {
    // Room for nan / inf / -inf in the same column.
    const negInf = values.some((v) => v === -Infinity);
    const offset = padRight + 1;
    padLeft = Math.max(padLeft, 3 - offset, 3 + (negInf ? 1 : 0) - offset);
  }

  return (x: number) => {
    if (!Number.isFinite(x)) {
      const ret = Number.isNaN(x) ? "nan" : x < 0 ? "-inf" : "inf";
      return " ".repeat(Math.max(0, padLeft + padRight + 1 - ret.length)) + ret;
    }
    if (expFormat) {
      return dragon4Scientific(x, kind, { precision, unique, trim, padLeft, expDigits: expSize });
    }
    return dragon4Positional(x, kind, { precision, unique, fractional: true, trim, padLeft, padRight });
  };
}

/**
 * `_formatArray` (numpy 1.16): nested brackets, rows wrapped at `lineWidth` with a hanging indent,
 * `...` in place of the middle of long axes, and `ndim - axis - 1` blank lines between blocks.
 */
function formatArray(
  shape: readonly number[],
  format: ElementFormat,
  lineWidth: number,
  nextLinePrefix: string,
  separator: string,
  edgeItems: number,
  summaryInsert: string,
): string {
  const strides = stridesOf(shape);
  const sepTrimmed = separator.trimEnd();

  const recurser = (axis: number, offset: number, hangingIndent: string, currWidth: number): string => {
    const axesLeft = shape.length - axis;
    if (axesLeft === 0) return format(offset);
    // When recursing, add a space to align with the `[` added, and reduce the line by one.
    const nextHangingIndent = hangingIndent + " ";
    const nextWidth = currWidth - 1;
    const aLen = shape[axis];
    const showSummary = summaryInsert !== "" && 2 * edgeItems < aLen;
    const leading = showSummary ? edgeItems : 0;
    const trailing = showSummary ? edgeItems : aLen;
    const child = (i: number) => recurser(axis + 1, offset + i * strides[axis], nextHangingIndent, nextWidth);

    let s = "";
    if (axesLeft === 1) {
      // The width up to the start of the separator or closing bracket.
      const elemWidth = currWidth - Math.max(sepTrimmed.length, 1);
      let line = hangingIndent;
      const extend = (word: string) => {
        [s, line] = extendLine(s, line, word, elemWidth, hangingIndent);
      };
      for (let i = 0; i < leading; i++) {
        extend(child(i));
        line += separator;
      }
      if (showSummary) {
        extend(summaryInsert);
        line += separator;
      }
      for (let i = trailing; i > 1; i--) {
        extend(child(aLen - i));
        line += separator;
      }
      extend(child(aLen - 1));
      s += line;
    } else {
      const lineSep = sepTrimmed + "\n".repeat(axesLeft - 1);
      for (let i = 0; i < leading; i++) s += hangingIndent + child(i) + lineSep;
      if (showSummary) s += hangingIndent + summaryInsert + lineSep;
      for (let i = trailing; i > 1; i--) s += hangingIndent + child(aLen - i) + lineSep;
      s += hangingIndent + child(aLen - 1);
    }
    // Remove the hanging indent, and wrap in [].
    return "[" + s.slice(hangingIndent.length) + "]";
  };
  return recurser(0, 0, nextLinePrefix, lineWidth);
}

/** `_extendLine`: wrap before `word` if it would pass `lineWidth`, unless wrapping cannot help. */
function extendLine(s: string, line: string, word: string, lineWidth: number, nextLinePrefix: string): [string, string] {
  const needsWrap = line.length + word.length > lineWidth && line.length > nextLinePrefix.length;
  if (needsWrap) {
    s += line.trimEnd() + "\n";
    line = nextLinePrefix;
  }
  return [s, line + word];
}

/**
 * Python's `repr(bytes)` of a string's UTF-8 encoding: `b'abc'`, `b"it's"`, `b'\xc3\xa9'`.
 * TF string tensors hold bytes; the engine stores them as JS strings.
 */
export function bytesRepr(s: string): string {
  const bytes = utf8(s);
  const quote = bytes.includes(0x27) && !bytes.includes(0x22) ? '"' : "'";
  let out = "b" + quote;
  for (const b of bytes) {
    if (b === quote.charCodeAt(0) || b === 0x5c) out += "\\" + String.fromCharCode(b);
    else if (b === 0x09) out += "\\t";
    else if (b === 0x0a) out += "\\n";
    else if (b === 0x0d) out += "\\r";
    else if (b < 0x20 || b >= 0x7f) out += "\\x" + b.toString(16).padStart(2, "0");
    else out += String.fromCharCode(b);
  }
  return out + quote;
}

/** UTF-8 bytes of a JS string (lone surrogates become U+FFFD, as TextEncoder does). */
export function utf8(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) {
    let cp = ch.codePointAt(0)!;
    if (cp >= 0xd800 && cp <= 0xdfff) cp = 0xfffd;
    if (cp < 0x80) out.push(cp);
    else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 63));
    else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
    else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
  }
  return out;
}
