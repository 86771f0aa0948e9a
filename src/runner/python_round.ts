/**
 * Python 3's `round()`: halves go to the even neighbour, and `round(x, n)` rounds the exact
 * binary value of `x` (so `round(2.675, 2)` is `2.67`, as in CPython, because 2.675 is stored
 * as 2.67499999...). JavaScript's `Math.round` and `toFixed` round halves away from zero.
 * (`round(x)` itself is the engine's `rint`, the one half-to-even rounding TF and numpy use.)
 */
import { rint } from "../../engine";

// CPython's NDIGITS_MAX / NDIGITS_MIN for doubles: beyond these the result is x or ±0.
const NDIGITS_MAX = 323;
const NDIGITS_MIN = -308;

/** `round(x, ndigits)` for a float: the double nearest to x rounded half-even to ndigits. */
export function roundFloatDigits(x: number, ndigits: number): number {
  if (!Number.isFinite(x) || x === 0) return x;
  if (ndigits > NDIGITS_MAX) return x;
  if (ndigits < NDIGITS_MIN) return x < 0 ? -0 : 0;
  const { mant, exp } = decompose(Math.abs(x));
  // |x| * 10^ndigits as an exact fraction num / den.
  let num = mant;
  let den = 1n;
  if (ndigits >= 0) num *= 10n ** BigInt(ndigits);
  else den *= 10n ** BigInt(-ndigits);
  if (exp >= 0) num <<= BigInt(exp);
  else den <<= BigInt(-exp);
  const q = halfEvenQuotient(num, den);
  // A decimal string is converted to the nearest double, as CPython's strtod does.
  const magnitude = Number(`${q}e${-ndigits}`);
  return x < 0 ? -magnitude : magnitude;
}

/** `round(n, ndigits)` for an int: an int, halves to even (`round(1250, -2)` is 1200). */
export function roundIntDigits(n: number, ndigits: number): number {
  if (ndigits >= 0) return n;
  const p = 10n ** BigInt(-ndigits);
  const q = halfEvenQuotient(BigInt(Math.abs(n)), p) * p;
  const r = Number(q);
  return r === 0 ? 0 : n < 0 ? -r : r;
}

/** numpy's `around` for one element: scale, round half to even, unscale, in `fround` precision if given. */
export function numpyAround(x: number, decimals: number, fround: (v: number) => number = (v) => v): number {
  if (decimals === 0) return rint(x);
  const scale = fround(10 ** Math.abs(decimals));
  const y = decimals > 0 ? fround(x * scale) : fround(x / scale);
  const r = rint(y);
  return decimals > 0 ? fround(r / scale) : fround(r * scale);
}

function halfEvenQuotient(num: bigint, den: bigint): bigint {
  const q = num / den;
  const twice = (num % den) * 2n;
  if (twice > den || (twice === den && (q & 1n) === 1n)) return q + 1n;
  return q;
}

/** A positive finite double as mant * 2^exp with an integer mantissa. */
function decompose(x: number): { mant: bigint; exp: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const biased = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  if (biased === 0) return { mant, exp: -1074 };
  mant |= 1n << 52n;
  return { mant, exp: biased - 1075 };
}
