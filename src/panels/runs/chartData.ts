/**
 * What the scalar chart draws, as pure functions: which series (in the learner's names, a
 * one-point series left out), TensorBoard's smoothing, and how the log scale treats points
 * that are zero or negative.
 */
import type { ProgramState, ScalarSeries } from "../../store";
import { keptIndices, runAt } from "../../store";
import { programNames } from "../../ui/programNames";
import { shortName } from "../../ui/format";
import { SUMMARY_SERIES } from "../../runner/summarize";
import { dtypeIndex } from "../../ui/tensorDtype";

/** A series as the chart draws it. */
export interface ChartSeries {
  key: string;
  /** The learner's name for the fetch (`loss`), else TF's (`Square`). */
  label: string;
  /** TF's tensor name, for the legend's tooltip. */
  tensor: string;
  /** The tensor's dtype (`float32`), so the readout prints values as numpy does; null if unknown. */
  dtype: string | null;
  xs: number[];
  ys: number[];
}

/**
 * What the chart's x axis counts: `step` when the program wrote summaries (tf.summary's
 * FileWriter; TensorBoard's Scalars: each tag by global step), else `run` (scalar fetches by
 * run index).
 */
export type ChartAxis = "run" | "step";

const isSummarySeries = (s: ScalarSeries): boolean => s.key.startsWith(SUMMARY_SERIES);

/** The axis of `program`'s chart (see ChartAxis). */
export function chartAxis(program: Pick<ProgramState, "series">): ChartAxis {
  return Object.values(program.series).some(isSummarySeries) ? "step" : "run";
}

/**
 * The program's series worth a line. On the `step` axis: every tag a FileWriter wrote, named
 * by its tag, a single point included (TensorBoard shows one). On the `run` axis: at least two
 * points (a value fetched once, such as the learned `m` at the end, is no curve), named as the
 * learner wrote the fetch.
 */
/** How many series `chartSeries` draws on `axis` (without working out their labels). */
export function chartSeriesCount(series: ProgramState["series"], axis: ChartAxis): number {
  return Object.values(series).filter((s) => drawn(s, axis)).length;
}

const drawn = (s: ScalarSeries, axis: ChartAxis): boolean => (axis === "step" ? isSummarySeries(s) && s.xs.length >= 1 : !isSummarySeries(s) && s.xs.length >= 2);

export function chartSeries(program: Pick<ProgramState, "series" | "nodes" | "source" | "runs">, axis: ChartAxis = chartAxis(program)): ChartSeries[] {
  const out: ChartSeries[] = [];
  const all = Object.values(program.series).filter((s) => drawn(s, axis));
  if (all.length === 0) return out;
  // A scalar summary's value is the Summary proto's `simple_value`, a float32 whatever the
  // tensor's dtype (TensorBoard reads 25.0 for an int 25): its readout prints as numpy's float32.
  if (axis === "step") return all.map((s) => ({ key: s.key, label: s.key.slice(SUMMARY_SERIES.length), tensor: s.key.slice(SUMMARY_SERIES.length), dtype: "float32", xs: s.xs, ys: s.ys }));
  // Labels are worked out once per series of a graph (a loop's batches only add points).
  let labels = LABELS.get(program.nodes);
  if (labels === undefined) LABELS.set(program.nodes, (labels = new Map()));
  for (const s of all) {
    let label = labels.get(s.key);
    if (label === undefined) labels.set(s.key, (label = labelOf(s, program, programNames(program.nodes, program.source))));
    out.push({ key: s.key, label, tensor: s.tensor, dtype: dtypeIndex(program.nodes)(s.tensor), xs: s.xs, ys: s.ys });
  }
  return out;
}

const LABELS = new WeakMap<readonly unknown[], Map<string, string>>();

/** The fetch's name in the last kept run that fetched the tensor, else the op's learner name. */
function labelOf(s: ScalarSeries, program: Pick<ProgramState, "runs">, names: ReturnType<typeof programNames>): string {
  const kept = keptIndices(program.runs);
  for (let k = kept.length - 1; k >= 0 && k >= kept.length - 50; k--) {
    const run = runAt(program.runs, kept[k]);
    const i = run?.fetches.indexOf(s.tensor) ?? -1;
    if (run !== undefined && i >= 0) return names.fetchNames(run)[i];
  }
  const op = s.tensor.replace(/:\d+$/, "");
  return names.nameOf(op) ?? shortName(s.tensor);
}

/**
 * TensorBoard's smoothing: an exponential moving average with weight `w`, debiased so the
 * first points are not pulled towards 0. Non-finite values are passed through unsmoothed and
 * do not enter the average.
 * @example smooth([1, 2, 3], 0) // [1, 2, 3]
 */
export function smooth(ys: readonly number[], w: number): number[] {
  if (w <= 0) return ys.slice();
  let last = 0;
  let n = 0;
  return ys.map((y) => {
    if (!Number.isFinite(y)) return y;
    last = last * w + (1 - w) * y;
    n++;
    return last / (1 - Math.pow(w, n));
  });
}

/**
 * How the log scale shows these values: `log` when every point is positive; `log-dropping`
 * when some are zero or negative (they are left out, and the chart says how many); `symlog`
 * (asinh: linear near zero, logarithmic beyond) when no point is positive.
 */
export function logMode(series: readonly { ys: readonly number[] }[]): { mode: "log" | "log-dropping" | "symlog"; dropped: number } {
  let positive = 0;
  let dropped = 0;
  for (const s of series) {
    for (const y of s.ys) {
      if (!Number.isFinite(y)) continue;
      if (y > 0) positive++;
      else dropped++;
    }
  }
  if (positive === 0) return { mode: "symlog", dropped: 0 };
  return { mode: dropped === 0 ? "log" : "log-dropping", dropped };
}

/** The series on one x axis (the union of run indices; gaps are null), e.g. for uPlot. */
export function alignSeries(series: readonly { xs: readonly number[]; ys: readonly (number | null)[] }[]): [Float64Array, ...(number | null)[][]] {
  const xs = new Set<number>();
  for (const s of series) for (const x of s.xs) xs.add(x);
  const x = Float64Array.from([...xs].sort((a, b) => a - b));
  const pos = new Map<number, number>();
  x.forEach((v, i) => pos.set(v, i));
  const ys = series.map((s) => {
    const y: (number | null)[] = new Array(x.length).fill(null);
    for (let i = 0; i < s.xs.length; i++) y[pos.get(s.xs[i])!] = s.ys[i];
    return y;
  });
  return [x, ...ys];
}
