/** Short, readable text for values and runs (the panels' shared vocabulary). */

/** A number as a learner wants to read it: integers whole, others to 6 significant digits. */
export function formatNumber(n: number): string {
  if (Number.isInteger(n)) return String(n);
  if (!Number.isFinite(n)) return String(n);
  const a = Math.abs(n);
  if (a !== 0 && (a < 1e-4 || a >= 1e6)) return n.toExponential(4);
  return String(Number(n.toPrecision(6)));
}

/** Tensor names without the `:0` of an op's first output (`loss:0` → `loss`). */
export function shortName(name: string): string {
  return name.endsWith(":0") ? name.slice(0, -2) : name;
}

/** `toLocaleString` builds a formatter per call (slow at 60 batches a second): one, shared. */
const INTEGER = new Intl.NumberFormat("en-US");

/** 100000 → "100,000". */
export function count(n: number): string {
  return INTEGER.format(n);
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${count(n)} ${n === 1 ? one : many}`;
}
