/**
 * The float32 sigmoid and tanh of the Eigen TF 1.14/1.15 is built with: rational approximations
 * (`scalar_logistic_op<float>` and `generic_fast_tanh_float`, UnaryFunctors.h and
 * MathFunctionsImpl.h) that TF uses for every float32 element, scalar or vectorized. They are
 * within a couple of ulps of the true values but not always the correctly rounded float32, so
 * `tf.sigmoid(0.5)` prints TF's 0.6224593 rather than 0.62245935. Each multiply and add is
 * rounded to float32 separately (TF's x86 builds have no FMA).
 */
const fr = Math.fround;

/** Eigen's scalar `pmadd(a, b, c)` without FMA: `(a * b) + c`, each rounded. */
const madd = (a: number, b: number, c: number) => fr(fr(a * b) + c);

// scalar_logistic_op<float>: a 9/10-degree rational interpolant of sigmoid(x) - 0.5 on [-18, 18].
const LA1 = fr(2.48287947061529e-1);
const LA3 = fr(8.51377133304701e-3);
const LA5 = fr(6.08574864600143e-5);
const LA7 = fr(1.15627324459942e-7);
const LA9 = fr(4.37031012579801e-11);
const LB0 = fr(9.9315192102318e-1);
const LB2 = fr(1.16817656904453e-1);
const LB4 = fr(1.70198817374094e-3);
const LB6 = fr(6.2910678501704e-6);
const LB8 = fr(5.76102136993427e-9);
const LB10 = fr(6.10247389755681e-13);

/** Eigen's float32 logistic function. */
export function sigmoidF32(input: number): number {
  if (input !== input) return NaN;
  const x = fr(Math.max(Math.min(input, 18), -18));
  const x2 = fr(x * x);
  let p = madd(x2, LA9, LA7);
  p = madd(x2, p, LA5);
  p = madd(x2, p, LA3);
  p = madd(x2, p, LA1);
  p = fr(x * p);
  let q = madd(x2, LB10, LB8);
  q = madd(x2, q, LB6);
  q = madd(x2, q, LB4);
  q = madd(x2, q, LB2);
  q = madd(x2, q, LB0);
  return Math.max(Math.min(fr(fr(p / q) + 0.5), 1), 0);
}

// generic_fast_tanh_float: a 13/6-degree rational interpolant on [-9, 9].
const TA1 = fr(4.89352455891786e-3);
const TA3 = fr(6.37261928875436e-4);
const TA5 = fr(1.48572235717979e-5);
const TA7 = fr(5.12229709037114e-8);
const TA9 = fr(-8.60467152213735e-11);
const TA11 = fr(2.00018790482477e-13);
const TA13 = fr(-2.76076847742355e-16);
const TB0 = fr(4.89352518554385e-3);
const TB2 = fr(2.268434632439e-3);
const TB4 = fr(1.18534705686654e-4);
const TB6 = fr(1.19825839466702e-6);

/** Eigen's fast float32 tanh. */
export function tanhF32(input: number): number {
  if (input !== input) return NaN;
  const x = fr(Math.max(Math.min(input, 9), -9));
  const x2 = fr(x * x);
  let p = madd(x2, TA13, TA11);
  p = madd(x2, p, TA9);
  p = madd(x2, p, TA7);
  p = madd(x2, p, TA5);
  p = madd(x2, p, TA3);
  p = madd(x2, p, TA1);
  p = fr(x * p);
  let q = madd(x2, TB6, TB4);
  q = madd(x2, q, TB2);
  q = madd(x2, q, TB0);
  return fr(p / q);
}
