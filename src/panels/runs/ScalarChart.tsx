/**
 * Every scalar fetch over the runs (the loss of a training loop), drawn with uPlot. React
 * renders only the container; the chart lives in a ref and is fed through a store
 * subscription, so a live series does not re-render React. Clicking a point selects its run.
 */
import { useEffect, useRef } from "react";
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import { selectRun, setChartLog, useStore } from "../../store";
import type { ScalarSeries } from "../../store";
import { shortName } from "../../ui/format";
import { PALETTE, DASHES } from "../palette";

/** The series on one x axis (the union of run indices; gaps are null). */
export function alignSeries(series: ScalarSeries[]): uPlot.AlignedData {
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
  return [x, ...ys] as uPlot.AlignedData;
}

function label(s: ScalarSeries): string {
  return `${shortName(s.tensor)}${s.line !== null ? ` (line ${s.line})` : ""}`;
}

export function ScalarChart() {
  const count = useStore((s) => Object.keys(s.program.series).length);
  const log = useStore((s) => s.ui.chartLog);
  const host = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const el = host.current;
    if (!el || count === 0) return;
    let plot: uPlot | null = null;
    let keys = "";
    const draw = () => {
      const s = useStore.getState();
      const series = Object.values(s.program.series);
      const data = alignSeries(series);
      const k = series.map((x) => x.key).join("|") + String(s.ui.chartLog);
      if (plot && k === keys) {
        plot.setData(data);
        return;
      }
      plot?.destroy();
      keys = k;
      const logScale = s.ui.chartLog && series.every((x) => x.ys.every((y) => y > 0));
      plot = new uPlot(
        {
          width: Math.max(200, el.clientWidth),
          height: Math.max(120, el.clientHeight - 30),
          scales: { x: { time: false }, y: logScale ? { distr: 3 } : {} },
          axes: [{ label: "run", stroke: "currentColor", grid: { stroke: "rgba(128,128,128,0.2)" } }, { stroke: "currentColor", grid: { stroke: "rgba(128,128,128,0.2)" } }],
          series: [
            { label: "run" },
            ...series.map((x, i) => ({ label: label(x), stroke: PALETTE[i % PALETTE.length], dash: DASHES[i % DASHES.length], width: 2, spanGaps: true, points: { show: false } })),
          ],
          cursor: { drag: { x: true, y: false } },
          hooks: {
            ready: [
              (u: uPlot) => {
                u.over.addEventListener("click", () => {
                  const i = u.cursor.idx;
                  if (i !== null && i !== undefined) selectRun((u.data[0] as ArrayLike<number>)[i]);
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
      (s) => [s.program.series, s.ui.chartLog] as const,
      () => {
        // Coalesce bursts of batches into one redraw per frame.
        if (!frame) frame = requestAnimationFrame(() => ((frame = 0), draw()));
      },
      { equalityFn: (a, b) => a[0] === b[0] && a[1] === b[1] },
    );
    const resize = new ResizeObserver(() => plot?.setSize({ width: Math.max(200, el.clientWidth), height: Math.max(120, el.clientHeight - 30) }));
    resize.observe(el);
    return () => {
      unsub();
      resize.disconnect();
      cancelAnimationFrame(frame);
      plot?.destroy();
    };
  }, [count]);

  if (count === 0) return <p className="muted">No scalar was fetched: fetch a scalar (a loss, say) in a loop to chart it.</p>;
  return (
    <figure className="scalar-chart" aria-label="Scalar fetch values over the runs">
      <figcaption>
        Scalar fetches over the runs
        <label className="chart-log">
          <input type="checkbox" checked={log} onChange={(e) => setChartLog(e.target.checked)} /> log scale
        </label>
      </figcaption>
      <div ref={host} className="scalar-chart-plot" />
    </figure>
  );
}
