/**
 * C99 hexadecimal float literals (`0x1.921fb54442d18p+1`), which JS lacks.
 *
 * libm's tables and polynomial coefficients are published in this form; keeping them so lets a
 * reader compare our constants with the C source digit by digit, and the parse is exact (up to
 * 53 significant bits), unlike a decimal transcription.
 */

/** The double a C hex float literal denotes. Throws on anything else. */
export function hexFloat(literal: string): number {
  const m = /^([+-]?)0x([0-9a-f]+)(?:\.([0-9a-f]*))?p([+-]?\d+)$/i.exec(literal);
  if (m === null) throw new SyntaxError(`not a hex float literal: ${literal}`);
  const [, sign, whole, frac = "", exp] = m;
  const digits = (whole + frac).replace(/^0+/, "") || "0";
  const mantissa = parseInt(digits, 16);
  // libm constants have at most 53 significant bits, so the integer is exact; the round trip
  // catches a literal that has more. Scaling by a power of two is exact too.
  if (mantissa.toString(16) !== digits.toLowerCase()) throw new RangeError(`hex float has more bits than a double holds: ${literal}`);
  const value = mantissa * 2 ** (Number(exp) - 4 * frac.length);
  return sign === "-" ? -value : value;
}
