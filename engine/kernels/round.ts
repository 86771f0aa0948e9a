/**
 * Rounding half to even, as TF's `Round`, numpy's `round`/`rint` and Python's `round()` do
 * (JavaScript's `Math.round` rounds halves up). One copy for all three.
 */

/**
 * The nearest integer, halves to the even neighbour, keeping the sign of zero (`rint(-0.4)` is
 * -0, as TF and numpy give; Python's `round(x)` returns an int, which has no -0: add 0).
 * @example
 * rint(2.5); // 2
 * rint(-0.5); // -0
 */
export function rint(x: number): number {
  // Working on |x| keeps `a - floor(a)` exact: floor(a) is 0 or at least a/2 (Sterbenz).
  const a = Math.abs(x);
  const f = Math.floor(a);
  const d = a - f;
  const r = d > 0.5 || (d === 0.5 && f % 2 === 1) ? f + 1 : f;
  return x < 0 || Object.is(x, -0) ? -r : r;
}
