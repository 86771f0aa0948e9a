/**
 * Python mode in `npm run bench:ui`: what the TypeScript-only user downloads (Python must add
 * nothing), Pyodide's cold load (a fresh browser context: empty HTTP cache and Cache Storage)
 * and warm load (a new page of the same context: the files from Cache Storage), and the
 * tutorial's 100,000-step regression with its print every step, pasted as Python and in the
 * TypeScript dialect, alternating on the same page, with the longest main-thread task of each
 * run; the difference per step is what the Python bridge costs in the page. Each figure is
 * BENCH_REPS rounds (default 3): median and range.
 */
import { readFileSync } from "node:fs";
import type { Browser, Page } from "@playwright/test";
import { median } from "../lib/stats";

type Report = (what: string, value: string, target?: string) => void;

const ms = (x: number) => `${Math.round(x)} ms`;
const kb = (x: number) => `${Math.round(x / 1024).toLocaleString("en-US")} kB`;
const spread = (xs: number[], f: (x: number) => string = ms) => `median ${f(median(xs))} (${xs.length} rounds: ${f(Math.min(...xs))} … ${f(Math.max(...xs))})`;

const PY_SOURCE = readFileSync(new URL("../../examples/tutorial_py/15_linear_regression.py", import.meta.url), "utf8");
const TS_SOURCE = readFileSync(new URL("../../examples/tutorial/15_linear_regression.ts", import.meta.url), "utf8");

/** Bytes of every response the page received so far (its own origin only: there is no other). */
async function downloaded(page: Page): Promise<{ js: number; all: number; python: boolean }> {
  // No named function in the page's code: tsx compiles it with a __name helper the page lacks.
  return page.evaluate(() => {
    const entries = performance.getEntriesByType("resource") as PerformanceResourceTiming[];
    const nav = performance.getEntriesByType("navigation")[0] as PerformanceResourceTiming | undefined;
    return {
      js: entries.filter((e) => e.name.endsWith(".js")).reduce((s, e) => s + (e.encodedBodySize || e.transferSize || 0), 0),
      all: entries.reduce((s, e) => s + (e.encodedBodySize || e.transferSize || 0), nav ? nav.encodedBodySize || 0 : 0),
      python: entries.some((e) => /pyodide|python/i.test(e.name)),
    };
  });
}

/** Chooses Python, runs `print(12345)` and returns the time from the choice to the output on screen. */
async function chooseAndRun(page: Page): Promise<number> {
  const button = await page.getByRole("button", { name: "Run", exact: true }).elementHandle();
  const t = await page.evaluate(
    (b) =>
      new Promise<number>((resolve) => {
        // The console's log element is replaced at the first output: watch the whole page.
        window.__playground!.setTimeLimit!(0);
        const t0 = performance.now();
        window.__playground!.setLanguage!("python");
        window.__playground!.setCode("print(12345)");
        const observer = new MutationObserver(() => {
          if (!(document.querySelector('[role="log"]')?.textContent ?? "").includes("12345")) return;
          observer.disconnect();
          resolve(performance.now() - t0);
        });
        observer.observe(document.body, { childList: true, subtree: true, characterData: true });
        (b as HTMLButtonElement).click();
      }),
    button,
  );
  await done(page);
  return t;
}

async function ready(page: Page, base: string): Promise<void> {
  await page.goto(base);
  await page.locator('[data-testid="editor"][data-ready="true"]').waitFor({ timeout: 60_000 });
}

async function done(page: Page): Promise<void> {
  await page.locator('[data-testid="run-status"]', { hasText: /^(done|error|stopped)$/ }).waitFor({ timeout: 300_000 });
}

/** Waits until no Python worker is booting (the spare is up): the banner says nothing and a moment passed. */
async function pythonIdle(page: Page): Promise<void> {
  await page.waitForTimeout(6000);
  await page.evaluate(() => new Promise<void>((resolve) => requestIdleCallback(() => resolve(), { timeout: 2000 })));
}

/** One run of the tutorial's regression in `language` on `page`: its wall time in the page and its longest main-thread task. */
async function regression(page: Page, language: "python" | "typescript"): Promise<{ wall: number; longest: number; tasks: number; ok: boolean }> {
  await page.evaluate(
    ([lang, code]) => {
      window.__playground!.setTimeLimit!(0);
      window.__playground!.setLanguage!(lang as "python" | "typescript");
      window.__playground!.setSeed(1);
      window.__playground!.setCode(code);
    },
    [language, language === "python" ? PY_SOURCE : TS_SOURCE] as const,
  );
  await (language === "python" ? pythonIdle(page) : page.waitForTimeout(1500));
  await page.evaluate(() => {
    const w = window as unknown as { __longest: number; __tasks: number; __from: number; __observing?: boolean };
    w.__longest = 0;
    w.__tasks = 0;
    w.__from = performance.now();
    if (w.__observing) return;
    w.__observing = true;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (e.startTime < w.__from) continue;
        w.__tasks++;
        w.__longest = Math.max(w.__longest, e.duration);
      }
    }).observe({ type: "longtask" });
  });
  await page.getByRole("button", { name: "Run", exact: true }).click();
  await done(page);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const r = await page.evaluate(() => {
    const s = window.__playground!.state().program;
    const w = window as unknown as { __longest: number; __tasks: number };
    return { wall: (s.endedAt ?? NaN) - (s.startedAt ?? NaN), longest: w.__longest, tasks: w.__tasks, ok: s.status === "done" && s.runCount >= 100_000, status: s.status, runs: s.runCount };
  });
  process.stderr.write(`bench:ui: ${language} regression: ${r.status}, ${r.runs} runs, ${Math.round(r.wall)} ms, longest task ${Math.round(r.longest)} ms\n`);
  return r;
}

const longest = (xs: { longest: number; tasks: number }[]) => {
  const worst = Math.max(...xs.map((x) => x.longest));
  return xs.every((x) => x.tasks === 0) ? "no task of 50 ms or more in any round" : `longest ${ms(worst)}; rounds with long tasks: ${xs.filter((x) => x.tasks > 0).length} of ${xs.length}`;
};

/**
 * Measures Python mode, `reps` rounds, each in a fresh browser context.
 * @example
 * await pythonRows(browser, "http://localhost:4180", report, 3);
 */
export async function pythonRows(browser: Browser, base: string, report: Report, reps = 3): Promise<void> {
  const cold: number[] = [];
  const warm: number[] = [];
  const py: { wall: number; longest: number; tasks: number; ok: boolean }[] = [];
  const ts: typeof py = [];
  let tsOnly: Awaited<ReturnType<typeof downloaded>> | null = null;
  let pythonBytes = 0;
  for (let round = 0; round < reps; round++) {
    process.stderr.write(`bench:ui: python, round ${round + 1} of ${reps}\n`);
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    try {
      let page = await context.newPage();
      await ready(page, base);
      await page.waitForTimeout(3000);
      const before = await downloaded(page);
      tsOnly ??= before;
      cold.push(await chooseAndRun(page));
      pythonBytes = (await downloaded(page)).all - before.all;
      await page.close();
      page = await context.newPage();
      await ready(page, base);
      warm.push(await chooseAndRun(page));
      // The regression in both languages on this page, alternating (the order swaps each round).
      const order: ("python" | "typescript")[] = round % 2 === 0 ? ["python", "typescript"] : ["typescript", "python"];
      for (const lang of order) (lang === "python" ? py : ts).push(await regression(page, lang));
    } finally {
      await context.close();
    }
  }
  report("TypeScript-only user: downloaded at start-up (JavaScript / everything)", `${kb(tsOnly!.js)} / ${kb(tsOnly!.all)}${tsOnly!.python ? " — INCLUDES Python files" : ", no Python file"}`);
  report("Python cold: choose Python → print(…) on screen (fresh context)", spread(cold));
  report("  Python's files downloaded the first time", kb(pythonBytes));
  report("Python warm: new page, files from Cache Storage → output", spread(warm));
  const failed = [...py, ...ts].filter((r) => !r.ok).length;
  report("100,000-step regression, print every step, Python pasted as written", spread(py.map((r) => r.wall)) + (failed ? ` (${failed} runs did not finish all steps)` : ""), "< 3000 ms");
  report("  longest main-thread task while the Python runs ran", longest(py), "< 50 ms");
  report("100,000-step regression, the TypeScript dialect, same pages", spread(ts.map((r) => r.wall)));
  report("  longest main-thread task while the TypeScript runs ran", longest(ts));
  const perStep = py.map((p, i) => ((p.wall - ts[i].wall) * 1000) / 100_000);
  report("Python bridge per step in the page ((Python − TypeScript) / 100,000)", spread(perStep, (x) => `${x.toFixed(1)} µs`));
}
