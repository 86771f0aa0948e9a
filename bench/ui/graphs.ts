/**
 * Graph timings of real programs run through the app (`npm run bench:ui`): from Run to the
 * final picture, layout and draw time as the pane reports them (`playground:graph-drawn`),
 * drawn nodes and elements, and the longest main-thread task (Long Tasks API: tasks of 50 ms
 * or more) while the program ran and from its end to the final picture. Each program runs on
 * a freshly loaded page (no layout cached from a previous run), several times.
 */
import type { Page } from "@playwright/test";

export interface Drawn {
  t: number;
  ops: number;
  drawn: number;
  nodes: number;
  elements: number;
  layoutMs: number;
  drawMs: number;
  layout: string;
  refined: boolean;
}

export interface Sample {
  /** Run pressed → the program ended (worker done, page told). */
  runMs: number;
  /** Program end → first picture of the final graph / → the final picture (ELK's, if it refined). */
  endToFirst: number;
  endToFinal: number;
  /** The final picture's report. */
  final: Drawn;
  /** Longest main-thread task while the program ran, and from its end to the final picture (0: none over 50 ms). */
  longestRunning: number;
  longestAfter: number;
}

/** Installed before the page's scripts: records long tasks and graph pictures with their time. */
export const PROBES = `
  window.__tasks = [];
  window.__drawn = [];
  try {
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__tasks.push({ start: e.startTime, end: e.startTime + e.duration, d: e.duration }); }).observe({ type: "longtask", buffered: true });
  } catch {}
  window.addEventListener("playground:graph-drawn", (e) => window.__drawn.push({ t: performance.now(), ...e.detail }));
`;

/**
 * Waits until no picture came for `quietMs` (the last one is then final) and, when `ops` is
 * given, the last picture shows that many ops: on a loaded machine the pane can spend more than
 * `quietMs` building a big graph's structure between two pictures, and a partial picture must
 * not pass for the final one.
 */
async function quiet(page: Page, since: number, quietMs: number, timeoutMs: number, ops?: number): Promise<Drawn | null> {
  const t0 = Date.now();
  for (;;) {
    const r = await page.evaluate(
      ({ since }) => {
        const d = (window as unknown as { __drawn: Drawn[] }).__drawn.filter((x) => x.t >= since);
        return { last: d[d.length - 1] ?? null, now: performance.now() };
      },
      { since },
    );
    if (r.last !== null && r.now - r.last.t >= quietMs && (ops === undefined || r.last.ops === ops)) return r.last;
    if (Date.now() - t0 > timeoutMs) return r.last;
    await page.waitForTimeout(200);
  }
}

function longest(tasks: { start: number; end: number; d: number }[], from: number, to: number): number {
  let max = 0;
  for (const t of tasks) if (t.end > from && t.start < to) max = Math.max(max, t.d);
  return max;
}

/** Runs `source` (page already loaded and settled) and measures it. */
export async function measureRun(page: Page, source: string): Promise<Sample> {
  await page.evaluate((code) => {
    window.__playground!.setSeed(1);
    window.__playground!.setCode(code);
  }, source);
  // The editor draws the new text first; a learner's code is on screen before they press Run.
  await page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => requestIdleCallback(() => r(), { timeout: 1000 })))));
  const before = await page.evaluate(() => window.__playground!.state().program.runId);
  const t0 = await page.evaluate(() => performance.now());
  await page.getByRole("button", { name: "Run", exact: true }).click();
  const end = await page.waitForFunction(
    (id) => {
      const p = window.__playground!.state().program;
      return p.runId !== id && p.status !== "running" && p.status !== "idle" ? performance.now() : false;
    },
    before,
    { polling: "raf", timeout: 120_000 },
  );
  const tEnd = (await end.jsonValue()) as number;
  const ops = await page.evaluate(() => window.__playground!.state().program.nodes.length);
  const last = await quiet(page, t0, 2000, 60_000, ops);
  if (last === null) throw new Error("the graph pane reported no picture");
  const all = await page.evaluate((since) => (window as unknown as { __drawn: Drawn[] }).__drawn.filter((x) => x.t >= since), t0);
  const firstFinal = all.find((d) => d.ops === last.ops && d.t >= tEnd) ?? last;
  const tasks = await page.evaluate(() => (window as unknown as { __tasks: { start: number; end: number; d: number }[] }).__tasks);
  return {
    runMs: tEnd - t0,
    endToFirst: Math.max(0, firstFinal.t - tEnd),
    endToFinal: Math.max(0, last.t - tEnd),
    final: last,
    longestRunning: longest(tasks, t0, tEnd),
    longestAfter: longest(tasks, tEnd, last.t),
  };
}

/** Clicks a pane button ("Expand all") and measures until its picture is final. */
export async function measureClick(page: Page, button: string): Promise<Sample> {
  const t0 = await page.evaluate(() => performance.now());
  await page.getByRole("button", { name: button, exact: true }).click();
  const last = await quiet(page, t0, 2000, 60_000);
  if (last === null) throw new Error(`no picture after ${button}`);
  const all = await page.evaluate((since) => (window as unknown as { __drawn: Drawn[] }).__drawn.filter((x) => x.t >= since), t0);
  const tasks = await page.evaluate(() => (window as unknown as { __tasks: { start: number; end: number; d: number }[] }).__tasks);
  return { runMs: 0, endToFirst: all[0].t - t0, endToFinal: last.t - t0, final: last, longestRunning: 0, longestAfter: longest(tasks, t0, last.t) };
}
