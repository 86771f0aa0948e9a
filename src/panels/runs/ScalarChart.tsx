/**
 * Every scalar fetch over the runs (the loss of a training loop), drawn with uPlot, named as
 * the learner fetched it (`loss`). TensorBoard's habits: a smoothing slider (the raw line
 * stays, faint), a log scale that says what it does with zeros and negatives, a readout of
 * the run and value under the pointer, and the previous program's series overlaid (dashed)
 * to compare two runs of a program (two learning rates, say).
 *
 * React renders only the container and controls; the chart lives in a ref and is fed through
 * a store subscription, so a live series does not re-render React. Clicking a point selects
 * its run.
 */
import { useEffect, useMemo, useRef } from "react";
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import { selectRun, setChartCompare, setChartLog, setChartSmoothing, useStore, type ProgramState } from "../../store";
import { count, formatNumber } from "../../ui/format";
import { PALETTE, DASHES } from "../palette";
import { alignSeries, chartAxis, chartSeries, chartSeriesCount, logMode, smooth, type ChartAxis, type ChartSeries } from "./chartData";
import { numberText } from "../../ui/valueText";

/** A drawn line: a series raw or smoothed, of this program or the previous one. */
interface Line {
  label: string;
  color: string;
  dash?: number[];
  width: number;
  alpha: number;
  xs: number[];
  ys: (number | null)[];
  /** Shown in the readout (the raw line under a smoothed one is not). */
  readout: boolean;
  /** The fetched tensor's dtype while the line shows its values as fetched (not smoothed). */
  dtype: string | null;
}

function linesOf(current: ChartSeries[], previous: ChartSeries[], w: number, dropNonPositive: boolean): Line[] {
  const lines: Line[] = [];
  const clean = (ys: readonly number[]): (number | null)[] => (dropNonPositive ? ys.map((y) => (y > 0 ? y : null)) : ys.slice());
  current.forEach((s, i) => {
    const color = PALETTE[i % PALETTE.length];
    const dash = DASHES[i % DASHES.length];
    if (w > 0) lines.push({ label: `${s.label} (raw)`, color, dash, width: 1, alpha: 0.3, xs: s.xs, ys: clean(s.ys), readout: false, dtype: s.dtype });
    lines.push({ label: s.label, color, dash, width: 2, alpha: 1, xs: s.xs, ys: clean(smooth(s.ys, w)), readout: true, dtype: w > 0 ? null : s.dtype });
  });
  previous.forEach((s, i) => {
    lines.push({ label: `${s.label} · previous program`, color: PALETTE[(current.length + i) % PALETTE.length], dash: [6, 5], width: 1.5, alpha: 0.8, xs: s.xs, ys: clean(smooth(s.ys, w)), readout: true, dtype: w > 0 ? null : s.dtype });
  });
  return lines;
}

function withAlpha(color: string, alpha: number): string {
  if (alpha >= 1) return color;
  const a = Math.round(alpha * 255).toString(16).padStart(2, "0");
  return `${color}${a}`;
}

/** The previous program's series on the same axis as this one's (runs and steps do not mix). */
function previousSeries(p: ProgramState | null, axis: ChartAxis): ChartSeries[] {
  return p === null ? [] : chartSeries(p, axis);
}

export function ScalarChart() {
  const series = useStore((s) => s.program.series);
  const axis = chartAxis({ series });
  const count_ = useMemo(() => chartSeriesCount(series, chartAxis({ series })), [series]);
  const hasPrevious = useStore((s) => previousSeries(s.program.previous, chartAxis(s.program)).length > 0);
  const log = useStore((s) => s.ui.chartLog);
  const smoothing = useStore((s) => s.ui.chartSmoothing);
  const compare = useStore((s) => s.ui.chartCompare);
  const logNote = useStore((s) => {
    if (!s.ui.chartLog) return "";
    const all = [...chartSeries(s.program), ...(s.ui.chartCompare ? previousSeries(s.program.previous, chartAxis(s.program)) : [])];
    const m = logMode(all);
    if (m.mode === "symlog") return "symlog: no value is positive, so the axis is linear near 0 and logarithmic beyond";
    if (m.mode === "log-dropping") return `${count(m.dropped)} ${m.dropped === 1 ? "point" : "points"} ≤ 0 left out (no logarithm)`;
    return "";
  });
  const host = useRef<HTMLDivElement>(null);
  const readout = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    const el = host.current;
    if (!el || count_ === 0) return;
    let plot: uPlot | null = null;
    let keys = "";
    let lines: Line[] = [];
    const size = () => ({ width: Math.max(200, el.clientWidth), height: Math.max(120, el.clientHeight - 40) });
    const showReadout = (u: uPlot) => {
      const out = readout.current;
      if (out === null) return;
      const i = u.cursor.idx;
      if (i === null || i === undefined) {
        out.textContent = chartAxis(useStore.getState().program) === "step" ? "Point at the chart to read a step's values." : "Point at the chart to read a run's values.";
        return;
      }
      const x = (u.data[0] as ArrayLike<number>)[i];
      const parts = lines.flatMap((l, k) => {
        const y = (u.data[k + 1] as ArrayLike<number | null>)[i];
        return l.readout && y !== null && y !== undefined ? [`${l.label} = ${l.dtype !== null ? numberText(y, l.dtype) : formatNumber(y)}`] : [];
      });
      out.textContent = `${chartAxis(useStore.getState().program)} ${count(x)}${parts.length > 0 ? ` · ${parts.join(" · ")}` : ""}`;
    };
    const draw = () => {
      const s = useStore.getState();
      const xAxis = chartAxis(s.program);
      const current = chartSeries(s.program, xAxis);
      const previous = s.ui.chartCompare ? previousSeries(s.program.previous, xAxis) : [];
      const mode = s.ui.chartLog ? logMode([...current, ...previous]).mode : null;
      lines = linesOf(current, previous, s.ui.chartSmoothing, mode === "log-dropping");
      const data = alignSeries(lines) as unknown as uPlot.AlignedData;
      const k = `${lines.map((l) => l.label).join("|")}|${mode}|${xAxis}`;
      if (plot && k === keys) {
        plot.setData(data);
        return;
      }
      plot?.destroy();
      keys = k;
      // What the y axis is, for tests and assistive text (the axis itself is drawn on a canvas).
      el.dataset.scale = mode === null ? "linear" : mode === "symlog" ? "symlog" : "log";
      el.dataset.axis = xAxis;
      plot = new uPlot(
        {
          ...size(),
          scales: { x: { time: false }, y: mode === "log" || mode === "log-dropping" ? { distr: 3 } : mode === "symlog" ? { distr: 4, asinh: 1 } : {} },
          axes: [{ label: xAxis, stroke: "currentColor", grid: { stroke: "rgba(128,128,128,0.2)" } }, { stroke: "currentColor", grid: { stroke: "rgba(128,128,128,0.2)" } }],
          legend: { live: false },
          series: [
            { label: xAxis },
            ...lines.map((l) => ({ label: l.label, stroke: withAlpha(l.color, l.alpha), dash: l.dash, width: l.width, spanGaps: true, points: { show: false } })),
          ],
          cursor: { drag: { x: true, y: false } },
          hooks: {
            setCursor: [showReadout],
            ready: [
              (u: uPlot) => {
                u.over.addEventListener("click", () => {
                  // A step is no run: only the run axis selects what is clicked.
                  const i = u.cursor.idx;
                  if (i !== null && i !== undefined && xAxis === "run") selectRun((u.data[0] as ArrayLike<number>)[i]);
                });
              },
            ],
          },
        },
        data,
        el,
      );
    };
    draw();
    let frame = 0;
    const unsub = useStore.subscribe(
      (s) => [s.program.series, s.ui.chartLog, s.ui.chartSmoothing, s.ui.chartCompare, s.program.previous] as const,
      () => {
        // Coalesce bursts of batches into one redraw per frame.
        if (!frame) frame = requestAnimationFrame(() => ((frame = 0), draw()));
      },
      { equalityFn: (a, b) => a.every((v, i) => v === b[i]) },
    );
    const resize = new ResizeObserver(() => plot?.setSize(size()));
    resize.observe(el);
    return () => {
      unsub();
      resize.disconnect();
      cancelAnimationFrame(frame);
      plot?.destroy();
    };
  }, [count_]);

  if (count_ === 0) return <p className="muted">No scalar was fetched over several runs: fetch a scalar (a loss, say) in a loop to chart it.</p>;
  return (
    <figure className="scalar-chart" aria-label={axis === "step" ? "Summaries written, by step" : "Scalar fetch values over the runs"}>
      <figcaption>
        <span>{axis === "step" ? "Summaries written (tf.summary), by step" : "Scalar fetches over the runs"}</span>
        <label className="chart-log">
          <input type="checkbox" checked={log} onChange={(e) => setChartLog(e.target.checked)} /> log scale
        </label>
        {logNote !== "" && (
          <span className="chart-note" data-testid="chart-log-note">
            {logNote}
          </span>
        )}
        <label className="chart-smoothing">
          Smoothing
          <input type="range" min={0} max={0.99} step={0.01} value={smoothing} onChange={(e) => setChartSmoothing(Number(e.target.value))} aria-valuetext={smoothing.toFixed(2)} />
          <output>{smoothing.toFixed(2)}</output>
        </label>
        {hasPrevious && (
          <label className="chart-log">
            <input type="checkbox" checked={compare} onChange={(e) => setChartCompare(e.target.checked)} /> compare with the previous program
          </label>
        )}
      </figcaption>
      <div ref={host} className="scalar-chart-plot" />
      <p ref={readout} className="chart-readout" data-testid="chart-readout">
        {axis === "step" ? "Point at the chart to read a step's values." : "Point at the chart to read a run's values."}
      </p>
    </figure>
  );
}
