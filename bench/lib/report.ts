/** Formatting of the bench's report: aligned rows, numbers with thousands separators. */

export function rate(x: number): string {
  return `${Math.round(x).toLocaleString("en-US")} steps/s`;
}

export function ms(x: number): string {
  return `${x < 10 ? x.toFixed(3) : x.toFixed(1)} ms`;
}

export function times(x: number): string {
  return `${x >= 10 ? x.toFixed(1) : x.toFixed(2)}×`;
}

/** One row: label, value, and optionally the target and whether it is met. */
export function row(label: string, value: string, target?: string, met?: boolean): string {
  const verdict = met === undefined ? "" : met ? "  ok" : "  MISSED";
  return `  ${label.padEnd(58)} ${value.padStart(20)}${target ? `   target ${target}` : ""}${verdict}`;
}

export function spread(samples: readonly number[], fmt: (x: number) => string): string {
  return `(${samples.length} runs: ${fmt(Math.min(...samples))} … ${fmt(Math.max(...samples))})`;
}
