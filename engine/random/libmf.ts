/**
 * glibc's single-precision `logf` and `sincosf`, step for step, in double arithmetic.
 *
 * Why not `Math.fround(Math.log(x))`: TF's float32 Box-Muller calls glibc's `logf` and
 * `sincosf`, which are accurate to < 1 ulp but not correctly rounded. Measured over the inputs
 * Box-Muller actually sees, the correctly rounded value differs from glibc's in ~0.7% of `logf`
 * calls and ~1.3% of `sin`/`cos` calls, so a few percent of `tf.random_normal` float32 outputs
 * would be one ulp off. These ports reproduce glibc ≥ 2.28 (generic C, as on x86-64; the
 * algorithms come from Arm's optimized-routines): every step is an IEEE double operation, which
 * JS evaluates identically.
 *
 * Residual difference: on CPUs with FMA, glibc selects builds in which the compiler fused some
 * multiply-adds; that changes the double result in its last bits and, after rounding to float,
 * the answer only for inputs extremely close to a rounding boundary (see libmf.test.ts).
 */
import { hexFloat as h } from "./hexfloat.js";

// Scratch views to reinterpret a float32's bits without allocating.
const F32 = new Float32Array(1);
const U32 = new Uint32Array(F32.buffer);

function asuint(x: number): number {
  F32[0] = x;
  return U32[0];
}

function asfloat(bits: number): number {
  U32[0] = bits;
  return F32[0];
}

// ---- logf (sysdeps/ieee754/flt-32/e_logf.c, e_logf_data.c): table of 16 (1/c, log c) ----

const LOGF_INVC = Float64Array.from(
  [
    "0x1.661ec79f8f3bep+0", "0x1.571ed4aaf883dp+0", "0x1.49539f0f010bp+0", "0x1.3c995b0b80385p+0",
    "0x1.30d190c8864a5p+0", "0x1.25e227b0b8eap+0", "0x1.1bb4a4a1a343fp+0", "0x1.12358f08ae5bap+0",
    "0x1.0953f419900a7p+0", "0x1p+0", "0x1.e608cfd9a47acp-1", "0x1.ca4b31f026aap-1",
    "0x1.b2036576afce6p-1", "0x1.9c2d163a1aa2dp-1", "0x1.886e6037841edp-1", "0x1.767dcf5534862p-1",
  ],
  h,
);
const LOGF_LOGC = Float64Array.from(
  [
    "-0x1.57bf7808caadep-2", "-0x1.2bef0a7c06ddbp-2", "-0x1.01eae7f513a67p-2", "-0x1.b31d8a68224e9p-3",
    "-0x1.6574f0ac07758p-3", "-0x1.1aa2bc79c81p-3", "-0x1.a4e76ce8c0e5ep-4", "-0x1.1973c5a611cccp-4",
    "-0x1.252f438e10c1ep-5", "0x0p+0", "0x1.aa5aa5df25984p-5", "0x1.c5e53aa362eb4p-4",
    "0x1.526e57720db08p-3", "0x1.bc2860d22477p-3", "0x1.1058bc8a07ee1p-2", "0x1.4043057b6ee09p-2",
  ],
  h,
);
const LN2 = h("0x1.62e42fefa39efp-1");
const LOGF_A0 = h("-0x1.00ea348b88334p-2");
const LOGF_A1 = h("0x1.5575b0be00b6ap-2");
const LOGF_A2 = h("-0x1.ffffef20a4123p-2");
// z is reduced into [OFF, 2*OFF] so that log1p(z/c - 1) stays small.
const LOGF_OFF = 0x3f330000;

/**
 * glibc's `logf(x)` for a float32 value `x` (pass `Math.fround`ed numbers).
 * @example logf(Math.fround(0.5)) // -0.6931471824645996 (the float32 nearest ln 0.5)
 */
export function logf(x: number): number {
  let ix = asuint(x);
  if (ix === 0x3f800000) return 0;
  if (((ix - 0x00800000) >>> 0) >= 0x7f800000 - 0x00800000) {
    // x < 0x1p-126, inf or nan.
    if (((ix << 1) >>> 0) === 0) return -Infinity;
    if (ix === 0x7f800000) return x;
    if (ix & 0x80000000 || ((ix << 1) >>> 0) >= 0xff000000) return NaN;
    // Subnormal: scale into the normal range and take 23 back off the exponent.
    ix = (asuint(Math.fround(x * 8388608)) - (23 << 23)) >>> 0;
  }
  // x = 2^k z with z in [OFF, 2*OFF]; the top bits of z pick the subinterval i.
  const tmp = (ix - LOGF_OFF) >>> 0;
  const i = (tmp >>> 19) & 15;
  const k = (tmp | 0) >> 23;
  const iz = (ix - (tmp & 0xff800000)) >>> 0;
  const z = asfloat(iz);
  // log(x) = log1p(z/c - 1) + log(c) + k*ln2, with a degree-4 polynomial for log1p.
  const r = z * LOGF_INVC[i] - 1;
  const y0 = LOGF_LOGC[i] + k * LN2;
  const r2 = r * r;
  let y = LOGF_A1 * r + LOGF_A2;
  y = LOGF_A0 * r2 + y;
  y = y * r2 + (y0 + r);
  return Math.fround(y);
}

// ---- sincosf (sysdeps/ieee754/flt-32/s_sincosf.c, s_sincosf.h, sincosf_poly.h) ----

/** glibc's `sincos_t`; the second table negates the cosine polynomial to get -cos for free. */
interface SinCosTable {
  c0: number;
  c1: number;
  c2: number;
  c3: number;
  c4: number;
  s1: number;
  s2: number;
  s3: number;
}
const SIGN = [1, -1, -1, 1];
// 2/pi prescaled by 2^24: x86-64 has no TOINT_INTRINSICS, so the quadrant is rounded by an
// integer add and shift instead of a round instruction.
const HPI_INV = h("0x1.45F306DC9C883p+23");
const HPI = h("0x1.921FB54442D18p0");
const S1 = h("-0x1.555545995a603p-3");
const S2 = h("0x1.1107605230bc4p-7");
const S3 = h("-0x1.994eb3774cf24p-13");
const C1 = h("-0x1.ffffffd0c621cp-2");
const C2 = h("0x1.55553e1068f19p-5");
const C3 = h("-0x1.6c087e89a359dp-10");
const C4 = h("0x1.99343027bf8c3p-16");
const TABLE0: SinCosTable = { c0: 1, c1: C1, c2: C2, c3: C3, c4: C4, s1: S1, s2: S2, s3: S3 };
const TABLE1: SinCosTable = { c0: -1, c1: -C1, c2: -C2, c3: -C3, c4: -C4, s1: S1, s2: S2, s3: S3 };

// abstop12 (top 12 bits of the float with the sign cleared) of the range limits.
const TOP12_PIO4 = 0x3f4; // pi/4
const TOP12_TINY = 0x398; // 0x1p-12f
const TOP12_120 = 0x42f; // 120.0f
const TOP12_INF = 0x7f8;

function abstop12(bits: number): number {
  return (bits >>> 20) & 0x7ff;
}

/** sincosf_poly: writes float(sin) to out[0] and float(cos) to out[1]; odd quadrants swap them. */
function poly(x: number, x2: number, p: SinCosTable, n: number, out: Float32Array | Float64Array): void {
  const x4 = x2 * x2;
  const x3 = x2 * x;
  const c2 = p.c3 + x2 * p.c4;
  const s1 = p.s2 + x2 * p.s3;
  const c1 = p.c0 + x2 * p.c1;
  const x5 = x3 * x2;
  const x6 = x4 * x2;
  const s = x + x3 * p.s1;
  const c = c1 + x4 * p.c2;
  const sinPoly = Math.fround(s + x5 * s1);
  const cosPoly = Math.fround(c + x6 * c2);
  const odd = n & 1;
  out[0] = odd ? cosPoly : sinPoly;
  out[1] = odd ? sinPoly : cosPoly;
}

// 4/pi to 192 bits, 8 new bits per entry (glibc's __inv_pio4), for |x| >= 120.
const INV_PIO4 = [
  0xa2, 0xa2f9, 0xa2f983, 0xa2f9836e, 0xf9836e4e, 0x836e4e44, 0x6e4e4415, 0x4e441529, 0x441529fc, 0x1529fc27,
  0x29fc2757, 0xfc2757d1, 0x2757d1f5, 0x57d1f534, 0xd1f534dd, 0xf534ddc0, 0x34ddc0db, 0xddc0db62, 0xc0db6295,
  0xdb629599, 0x6295993c, 0x95993c43, 0x993c4390, 0x3c439041,
].map(BigInt);
const PI63 = h("0x1.921FB54442D18p-62");
const MASK64 = (1n << 64n) - 1n;

/**
 * reduce_large: exact fixed-point reduction by 4/pi for |x| >= 120. BigInt is fine here: the
 * random kernels never reach it (their angles are in [0, 2pi)).
 */
function reduceLarge(bits: number): [number, number] {
  const base = (bits >>> 26) & 15;
  const shift = (bits >>> 23) & 7;
  const xi = BigInt((((bits & 0xffffff) | 0x800000) << shift) >>> 0);
  let res0 = (xi * INV_PIO4[base]) & 0xffffffffn; // a uint32 product in C
  const res1 = xi * INV_PIO4[base + 4];
  const res2 = xi * INV_PIO4[base + 8];
  res0 = ((res2 >> 32n) | (res0 << 32n)) & MASK64;
  res0 = (res0 + res1) & MASK64;
  const n = ((res0 + (1n << 61n)) & MASK64) >> 62n;
  res0 = (res0 - (n << 62n)) & MASK64;
  return [Number(BigInt.asIntN(64, res0)) * PI63, Number(n)];
}

/**
 * glibc's `sincosf(y)` for a float32 value `y`: writes sin to `out[0]` and cos to `out[1]`,
 * both rounded to float32.
 */
export function sincosf(y: number, out: Float32Array | Float64Array): void {
  const bits = asuint(y);
  const top = abstop12(bits);
  let x = y;
  if (top < TOP12_PIO4) {
    if (top < TOP12_TINY) {
      out[0] = y;
      out[1] = 1;
      return;
    }
    poly(x, x * x, TABLE0, 0, out);
  } else if (top < TOP12_120) {
    // reduce_fast: one multiply-subtract by pi/2, exact enough for |x| <= 120.
    const r = x * HPI_INV;
    const n = ((r | 0) + 0x800000) >> 24;
    x = x - n * HPI;
    const p = n & 2 ? TABLE1 : TABLE0;
    poly(x * SIGN[n & 3], x * x, p, n, out);
  } else if (top < TOP12_INF) {
    const sign = bits >>> 31;
    const [reduced, n] = reduceLarge(bits);
    const q = n + sign;
    const p = q & 2 ? TABLE1 : TABLE0;
    poly(reduced * SIGN[q & 3], reduced * reduced, p, n, out);
  } else {
    out[0] = NaN;
    out[1] = NaN;
  }
}
