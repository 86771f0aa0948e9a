/**
 * Decimal text for binary floats, digit for digit as numpy, CPython, glibc's printf and TensorFlow
 * print them.
 *
 * Everything goes through one exact digit generator, a port of numpy's Dragon4
 * (numpy/core/src/multiarray/dragon4.c, numpy 1.14–1.17): "unique" mode gives the shortest digits
 * that read back to the same float32 or float64, "exact" mode gives the correctly rounded
 * (round-half-even) digits of the exact binary value, as glibc's printf and CPython's `%` do.
 * JS's own `toPrecision` cannot serve: it rounds ties away from zero and knows nothing of float32.
 *
 * Over 400 lines because it is one algorithm: Dragon4's big-integer digit loop and the three
 * front ends (numpy's positional and scientific, C's `%e %f %g`) share its private state and
 * helpers, and kept together the port reads side by side with numpy's dragon4.c.
 */

/** Which IEEE format a value is to be printed as (its neighbours decide the shortest digits). */
export type FloatKind = "float32" | "float64";

/**
 * numpy's trim modes (dragon4.h `TrimMode`): `k` keeps trailing zeros, `.` trims zeros but keeps the
 * point (`1.`), `0` trims to one zero (`1.0`), `-` trims zeros and the point (`1`).
 */
export type TrimMode = "k" | "." | "0" | "-";

/** A finite, non-zero float as Dragon4 takes it: `mantissa * 2**exponent`. */
interface Decomposed {
  mantissa: bigint;
  exponent: number;
  /** Index of the highest set bit of `mantissa`. */
  mantissaBit: number;
  /** True when the gap to the next float below is half the gap above (a power of two). */
  unequalMargins: boolean;
}

const scratch = new DataView(new ArrayBuffer(8));

function decompose(x: number, kind: FloatKind): Decomposed {
  const ax = Math.abs(x);
  if (kind === "float32") {
    scratch.setFloat32(0, ax);
    const bits = scratch.getUint32(0);
    const biased = bits >>> 23;
    const frac = bits & 0x7fffff;
    if (biased !== 0) {
      return {
        mantissa: BigInt(frac | 0x800000),
        exponent: biased - 127 - 23,
        mantissaBit: 23,
        unequalMargins: biased !== 1 && frac === 0,
      };
    }
    return { mantissa: BigInt(frac), exponent: 1 - 127 - 23, mantissaBit: 31 - Math.clz32(frac), unequalMargins: false };
  }
  scratch.setFloat64(0, ax);
  const hi = scratch.getUint32(0);
  const lo = scratch.getUint32(4);
  const biased = hi >>> 20;
  const frac = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  if (biased !== 0) {
    return {
      mantissa: frac | (1n << 52n),
      exponent: biased - 1023 - 52,
      mantissaBit: 52,
      unequalMargins: biased !== 1 && frac === 0n,
    };
  }
  return { mantissa: frac, exponent: 1 - 1023 - 52, mantissaBit: frac.toString(2).length - 1, unequalMargins: false };
}

/** Digits `d1 d2 ...` of a value `d1.d2... * 10**exponent`. */
interface Digits {
  digits: string;
  exponent: number;
}

const LOG10_2 = 0.30102999566398119521373889472449;
const pow10Cache: bigint[] = [];
function pow10(n: number): bigint {
  return (pow10Cache[n] ??= 10n ** BigInt(n));
}

/**
 * numpy's `Dragon4()`: digits of `|x|` (finite, any sign) in unique or exact mode, cut off after
 * `cutoffNumber` total digits or digits past the point (`-1`: no cutoff). The loop, the margins and
 * the final round-half-even are numpy's; its block-shifting only served its fixed-size big integers.
 */
function dragon4(
  x: number,
  kind: FloatKind,
  unique: boolean,
  cutoffMode: "total" | "fraction",
  cutoffNumber: number,
): Digits {
  if (x === 0) return { digits: "0", exponent: 0 };
  const { mantissa, exponent, mantissaBit, unequalMargins } = decompose(x, kind);
  const isEven = (mantissa & 1n) === 0n;

  let scale: bigint;
  let value: bigint;
  let marginLow: bigint;
  if (unequalMargins) {
    if (exponent > 0) {
      value = mantissa << BigInt(exponent + 2);
      scale = 4n;
      marginLow = 1n << BigInt(exponent);
    } else {
      value = mantissa << 2n;
      scale = 1n << BigInt(-exponent + 2);
      marginLow = 1n;
    }
  } else if (exponent > 0) {
    value = mantissa << BigInt(exponent + 1);
    scale = 2n;
    marginLow = 1n << BigInt(exponent);
  } else {
    value = mantissa << 1n;
    scale = 1n << BigInt(-exponent + 1);
    marginLow = 1n;
  }
  const high = (low: bigint) => (unequalMargins ? low * 2n : low);

  // Estimate of floor(log10(v)) + 1 that is right or one too small (numpy's 0.69 offset).
  let digitExponent = Math.ceil((mantissaBit + exponent) * LOG10_2 - 0.69);
  if (cutoffNumber >= 0 && cutoffMode === "fraction" && digitExponent <= -cutoffNumber) {
    digitExponent = -cutoffNumber + 1;
  }
  if (digitExponent > 0) {
    scale *= pow10(digitExponent);
  } else if (digitExponent < 0) {
    const p = pow10(-digitExponent);
    value *= p;
    marginLow *= p;
  }
  if (value >= scale) {
    digitExponent += 1;
  } else {
    value *= 10n;
    marginLow *= 10n;
  }

  let cutoffExponent = -Infinity;
  if (cutoffNumber >= 0) {
    cutoffExponent = cutoffMode === "total" ? digitExponent - cutoffNumber : -cutoffNumber;
  }
  let outExponent = digitExponent - 1;

  const out: number[] = [];
  let digit: number;
  let low = false;
  let hi = false;
  for (;;) {
    digitExponent -= 1;
    digit = Number(value / scale);
    value %= scale;
    if (unique) {
      const cmpLow = value - marginLow;
      low = isEven ? cmpLow <= 0n : cmpLow < 0n;
      const cmpHigh = value + high(marginLow) - scale;
      hi = isEven ? cmpHigh >= 0n : cmpHigh > 0n;
      if (low || hi || digitExponent === cutoffExponent) break;
    } else if (value === 0n || digitExponent === cutoffExponent) {
      break;
    }
    out.push(digit);
    value *= 10n;
    if (unique) marginLow *= 10n;
  }

  let roundDown = low;
  if (low === hi) {
    const twice = value * 2n;
    roundDown = twice < scale || (twice === scale && (digit & 1) === 0);
  }
  if (roundDown) {
    out.push(digit);
  } else if (digit < 9) {
    out.push(digit + 1);
  } else {
    // Carry through trailing nines; an all-nines run becomes a 1 one decade up.
    for (;;) {
      if (out.length === 0) {
        out.push(1);
        outExponent += 1;
        break;
      }
      const last = out.pop()!;
      if (last !== 9) {
        out.push(last + 1);
        break;
      }
    }
  }
  return { digits: out.join(""), exponent: outExponent };
}

function signOf(x: number, showPlus: boolean): string {
  if (x < 0 || Object.is(x, -0)) return "-";
  return showPlus ? "+" : "";
}

/** Options of numpy's `dragon4_positional` / `format_float_positional`. */
export interface PositionalOptions {
  /** Digits past the point (or total digits when `fractional` is false); -1 for no limit. */
  precision?: number;
  unique?: boolean;
  fractional?: boolean;
  trim?: TrimMode;
  /** Print `+` for positive values. */
  sign?: boolean;
  /** Pad with spaces until this many characters are left of the point. */
  padLeft?: number;
  /** Pad with spaces until this many characters are right of the point. */
  padRight?: number;
}

/**
 * numpy's `dragon4_positional(x, ...)` (FormatPositional in dragon4.c), for a float32 or float64.
 * @example dragon4Positional(Math.fround(0.3), "float32", { precision: 8, trim: "." }) // "0.3"
 */
export function dragon4Positional(x: number, kind: FloatKind, opts: PositionalOptions = {}): string {
  const { precision = -1, unique = true, fractional = true, trim = "k", padLeft = -1, padRight = -1 } = opts;
  if (!Number.isFinite(x)) return nonFinite(x, opts.sign ?? false);
  const sign = signOf(x, opts.sign ?? false);
  const cutoffMode = fractional ? "fraction" : "total";
  const { digits, exponent } = dragon4(x, kind, unique, cutoffMode, precision);
  let numWholeDigits: number;
  let numFractionDigits = 0;
  let body: string;
  if (exponent >= 0) {
    numWholeDigits = exponent + 1;
    if (digits.length <= numWholeDigits) {
      body = digits + "0".repeat(numWholeDigits - digits.length);
    } else {
      numFractionDigits = digits.length - numWholeDigits;
      body = `${digits.slice(0, numWholeDigits)}.${digits.slice(numWholeDigits)}`;
    }
  } else {
    const zeros = -(exponent + 1);
    body = `0.${"0".repeat(zeros)}${digits}`;
    numFractionDigits = digits.length + zeros;
    numWholeDigits = 1;
  }
  if (trim !== "-" && numFractionDigits === 0) body += ".";
  const desiredFractionDigits = !fractional && precision >= 0 ? precision - numWholeDigits : precision;
  if (trim === "0") {
    if (numFractionDigits === 0) {
      body += "0";
      numFractionDigits = 1;
    }
  } else if (trim === "k" && !unique && desiredFractionDigits > numFractionDigits) {
    body += "0".repeat(desiredFractionDigits - numFractionDigits);
    numFractionDigits = desiredFractionDigits;
  }
  // Rounding at a cutoff can leave trailing zeros; the trim mode decides what stays.
  if (precision >= 0 && trim !== "k" && numFractionDigits > 0) {
    while (body.endsWith("0")) {
      body = body.slice(0, -1);
      numFractionDigits--;
    }
    if (body.endsWith(".")) {
      if (trim === "0") {
        body += "0";
        numFractionDigits++;
      } else if (trim === "-") {
        body = body.slice(0, -1);
      }
    }
  }
  if (padRight >= numFractionDigits) {
    if (trim === "-" && numFractionDigits === 0) body += " ";
    body += " ".repeat(padRight - numFractionDigits);
  }
  const left = padLeft - (numWholeDigits + sign.length);
  return (left > 0 ? " ".repeat(left) : "") + sign + body;
}

/** Options of numpy's `dragon4_scientific` / `format_float_scientific`. */
export interface ScientificOptions {
  /** Digits after the first one; -1 for no limit. */
  precision?: number;
  unique?: boolean;
  trim?: TrimMode;
  sign?: boolean;
  /** Pad with spaces until this many characters are left of the point. */
  padLeft?: number;
  /** Minimum exponent digits (numpy's default: 2). */
  expDigits?: number;
}

/**
 * numpy's `dragon4_scientific(x, ...)` (FormatScientific in dragon4.c), for a float32 or float64.
 * @example dragon4Scientific(Math.fround(1e-5), "float32", { trim: "-" }) // "1e-05"
 */
export function dragon4Scientific(x: number, kind: FloatKind, opts: ScientificOptions = {}): string {
  const { precision = -1, unique = true, trim = "k", padLeft = -1 } = opts;
  if (!Number.isFinite(x)) return nonFinite(x, opts.sign ?? false);
  const sign = signOf(x, opts.sign ?? false);
  const { digits, exponent } = dragon4(x, kind, unique, "total", precision + 1);
  let body = digits[0];
  let numFractionDigits = digits.length - 1;
  if (numFractionDigits > 0) body += `.${digits.slice(1)}`;
  if (trim !== "-" && numFractionDigits === 0) body += ".";
  if (trim === "0") {
    if (numFractionDigits === 0) {
      body += "0";
      numFractionDigits = 1;
    }
  } else if (trim === "k" && !unique && precision > numFractionDigits) {
    body += "0".repeat(precision - numFractionDigits);
    numFractionDigits = precision;
  }
  if (precision >= 0 && trim !== "k" && numFractionDigits > 0) {
    while (body.endsWith("0")) body = body.slice(0, -1);
    if (body.endsWith(".")) {
      if (trim === "0") body += "0";
      else if (trim === "-") body = body.slice(0, -1);
    }
  }
  const expDigits = opts.expDigits === undefined || opts.expDigits < 0 ? 2 : Math.min(opts.expDigits, 5);
  const expText = String(Math.abs(exponent)).padStart(expDigits, "0");
  const left = padLeft - (1 + sign.length);
  return `${left > 0 ? " ".repeat(left) : ""}${sign}${body}e${exponent < 0 ? "-" : "+"}${expText}`;
}

function nonFinite(x: number, showPlus: boolean): string {
  if (Number.isNaN(x)) return "nan";
  return x < 0 ? "-inf" : showPlus ? "+inf" : "inf";
}

/**
 * What Python 3 prints for `numpy.float32(x)` (numpy ≥ 1.14; repr and str agree): the shortest
 * digits that read back as the same float32, positional for `0` and `1e-4 <= |x| < 1e16`, else
 * scientific. The cut is numpy's (scalartypes.c.src, `@name@type_@kind@_either`: positional with
 * TrimMode_LeaveOneZero when `absval == 0 || (absval < 1.e16L && absval >= 1.e-4L)`, else
 * scientific with TrimMode_DptZeros), made on the float32 value, so `float32(1e-4)`, which is
 * 9.99999975e-05, prints `1e-04`. `x` is rounded to float32 first.
 * @example float32Repr(Math.fround(2.3205383)) // "2.3205383"
 * @example float32Repr(Math.fround(1e-5))      // "1e-05"
 */
export function float32Repr(x: number): string {
  return scalarRepr(Math.fround(x), "float32");
}

/**
 * Python 3's `repr(float)` (also `numpy.float64`'s): shortest round-trip digits, positional for
 * `1e-4 <= |x| < 1e16` with at least one digit after the point, else `1e-05` / `1e+16` style.
 * @example float64Repr(2) // "2.0"
 * @example float64Repr(0.1 + 0.2) // "0.30000000000000004"
 */
export function float64Repr(x: number): string {
  return scalarRepr(x, "float64");
}

function scalarRepr(x: number, kind: FloatKind): string {
  if (!Number.isFinite(x)) return nonFinite(x, false);
  const ax = Math.abs(x);
  if (ax === 0 || (ax < 1e16 && ax >= 1e-4)) return dragon4Positional(x, kind, { trim: "0" });
  return dragon4Scientific(x, kind, { trim: "-" });
}

/** A C printf floating conversion letter (lower case; callers upper-case `E`, `F`, `G` output). */
export type CFloatConversion = "e" | "f" | "g";

/**
 * C's `printf("%.*e" | "%.*f" | "%.*g", precision, x)` for a double, as glibc prints it (correctly
 * rounded, ties to even); `alt` is the `#` flag. CPython's `%`-formatting of floats is the same.
 * Non-finite values print `inf`, `-inf`, `nan`.
 * @example formatC(2.675, "f", 2)  // "2.67" (2.675 is 2.67499999... in binary)
 * @example formatC(0.0001, "g", 6) // "0.0001"
 */
export function formatC(x: number, conversion: CFloatConversion, precision: number, alt = false): string {
  if (!Number.isFinite(x)) return nonFinite(x, false);
  const sign = signOf(x, false);
  if (conversion === "f") {
    const { digits, exponent } = dragon4(x, "float64", false, "fraction", precision);
    return sign + fixedLayout(digits, exponent, precision, alt);
  }
  if (conversion === "e") {
    const { digits, exponent } = dragon4(x, "float64", false, "total", precision + 1);
    return sign + expLayout(digits, exponent, precision, alt);
  }
  const p = precision === 0 ? 1 : precision;
  const { digits, exponent } = dragon4(x, "float64", false, "total", p);
  // C99 7.19.6.1: style f when P > X >= -4, with precision P - 1 - X; else style e, precision P - 1.
  let text =
    p > exponent && exponent >= -4
      ? fixedLayout(digits, exponent, p - 1 - exponent, alt)
      : expLayout(digits, exponent, p - 1, alt);
  if (!alt) {
    // %g drops trailing zeros of the fraction, and the point when nothing follows it.
    text = text.replace(/(\.\d*?)0+(?=e|$)/, "$1").replace(/\.(?=e|$)/, "");
  }
  return sign + text;
}

/** `digits` (a value d1.d2... * 10**exponent) written with exactly `precision` fraction digits. */
function fixedLayout(digits: string, exponent: number, precision: number, alt: boolean): string {
  // Place every digit by its decimal position; positions left blank are zeros.
  const whole: string[] = [];
  const frac: string[] = new Array(precision).fill("0");
  for (let i = 0; i < digits.length; i++) {
    const pos = exponent - i;
    if (pos >= 0) whole.push(digits[i]);
    else if (-pos <= precision) frac[-pos - 1] = digits[i];
  }
  const intPart = exponent >= 0 ? whole.join("") + "0".repeat(Math.max(0, exponent + 1 - whole.length)) : "0";
  const trimmedInt = intPart.replace(/^0+(?=\d)/, "");
  return precision > 0 || alt ? `${trimmedInt}.${frac.join("")}` : trimmedInt;
}

function expLayout(digits: string, exponent: number, precision: number, alt: boolean): string {
  const mantissa = digits.padEnd(precision + 1, "0");
  const point = precision > 0 || alt ? "." : "";
  const e = `${exponent < 0 ? "-" : "+"}${String(Math.abs(exponent)).padStart(2, "0")}`;
  return `${mantissa[0]}${point}${mantissa.slice(1)}e${e}`;
}

/**
 * C's `printf("%.*g", precision, x)`.
 * @example formatG(0.1, 6)      // "0.1"
 * @example formatG(123456789, 6) // "1.23457e+08"
 */
export function formatG(x: number, precision: number): string {
  return formatC(x, "g", precision);
}

/**
 * TensorFlow's `strings::FloatToBuffer` (tensorflow/core/lib/strings/numbers.cc, TF 1.14): `%.6g`
 * (FLT_DIG), or `%.9g` (FLT_DIG + 3) when the 6 digits do not read back as the same float32. This
 * is how `tf.Print` and kernel messages print float32 values.
 * @example tfFloatToBuffer(Math.fround(0.1)) // "0.1"
 * @example tfFloatToBuffer(Math.fround(2.3205383)) // "2.32053828"
 */
export function tfFloatToBuffer(x: number): string {
  const f = Math.fround(x);
  if (Number.isNaN(f)) return "nan";
  const short = formatG(f, 6);
  return parsesToFloat32(short, f) ? short : formatG(f, 9);
}

/**
 * TensorFlow's `strings::DoubleToBuffer` (numbers.cc, TF 1.14): `%.15g` (DBL_DIG), or `%.17g`
 * (DBL_DIG + 2) when 15 digits do not read back as the same double (and for values beyond
 * DBL_MAX / 1.000000000000001, infinities and NaN, which skip the first try).
 * @example tfDoubleToBuffer(0.1) // "0.1"
 * @example tfDoubleToBuffer(0.1 + 0.2) // "0.30000000000000004"
 */
export function tfDoubleToBuffer(x: number): string {
  if (Number.isNaN(x)) return "nan";
  if (Math.abs(x) <= Number.MAX_VALUE / 1.000000000000001) {
    const short = formatG(x, 15);
    if (Number(short) === x) return short;
  }
  return formatG(x, 17);
}

/**
 * True when the decimal text `s` (as printf writes it) reads back as exactly the float32 `x`
 * under round-to-nearest-even, decided on exact rationals: going through a double first could
 * round twice.
 */
function parsesToFloat32(s: string, x: number): boolean {
  const m = /^(-?)(\d+)(?:\.(\d*))?(?:e([+-]\d+))?$/.exec(s);
  if (!m) return false;
  const fracDigits = m[3] ?? "";
  const d = BigInt(m[2] + fracDigits);
  const e10 = Number(m[4] ?? "0") - fracDigits.length;
  if (x === 0) return d === 0n;
  if (d === 0n || (m[1] === "-") !== x < 0) return false;
  const { mantissa, exponent, unequalMargins } = decompose(x, "float32");
  // Compare v = d * 10^e10 with the interval [x - gapBelow/2, x + gapAbove/2], all scaled by
  // 2^(2 - exponent) * 10^max(0, -e10) so that every quantity is an integer.
  const shift2 = BigInt(Math.max(0, 2 - exponent));
  const up2 = BigInt(Math.max(0, exponent - 2));
  const tenNum = e10 >= 0 ? pow10(e10) : 1n;
  const tenDen = e10 < 0 ? pow10(-e10) : 1n;
  const v = (d * tenNum) << shift2;
  const xs = ((mantissa << 2n) << up2) * tenDen;
  const halfAbove = ((1n << 1n) << up2) * tenDen; // 2^(exponent-1) scaled
  const halfBelow = unequalMargins ? halfAbove / 2n : halfAbove;
  const lowDiff = v - (xs - halfBelow);
  const highDiff = xs + halfAbove - v;
  const even = (mantissa & 1n) === 0n;
  return even ? lowDiff >= 0n && highDiff >= 0n : lowDiff > 0n && highDiff > 0n;
}
