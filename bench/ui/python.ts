/**
 * Python mode in `npm run bench:ui`: what the TypeScript-only user downloads (Python must add
 * nothing), Pyodide's cold load (an empty HTTP cache) and warm load (cached files, a new
 * page), Run → output once Python is up, and the tutorial's 100,000-step regression pasted as
 * Python, with the longest main-thread task while it runs.
 */
import { readFileSync } from "node:fs";
import type { Browser, Page } from "@playwright/test";

type Report = (what: string, value: string, target?: string) => void;

const ms = (x: number) => `${Math.round(x)} ms`;
const kb = (x: number) => `${Math.round(x / 1024).toLocaleString("en-US")} kB`;

/** Bytes of every response the page received so far (its own origin only: there is no other). */
async function downloaded(page: Page): Promise<{ js: number; all: number; python: boolean }> {
  // No named function in the page's code: tsx compiles it with a __name helper the page lacks.
  return page.evaluate(() => {
    const entries = performance.getEntriesByType("resource") as PerformanceResourceTiming[];
    const nav = performance.getEntriesByType("navigation")[0] as PerformanceResourceTiming | undefined;
    return {
      js: entries.filter((e) => e.name.endsWith(".js")).reduce((s, e) => s + (e.encodedBodySize || e.transferSize || 0), 0),
      all: entries.reduce((s, e) => s + (e.encodedBodySize || e.transferSize || 0), nav ? nav.encodedBodySize || 0 : 0),
      python: entries.some((e) => /pyodide|python/.test(e.name)),
    };
  });
}

/** Chooses Python, runs `print(1)` and returns the time from the choice to the output on screen. */
async function chooseAndRun(page: Page): Promise<number> {
  const button = await runButton(page);
  return page.evaluate(
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
}

function runButton(page: Page) {
  return page.getByRole("button", { name: "Run", exact: true }).elementHandle();
}

async function ready(page: Page, base: string): Promise<void> {
  await page.goto(base);
  await page.locator('[data-testid="editor"][data-ready="true"]').waitFor({ timeout: 60_000 });
}

async function done(page: Page): Promise<void> {
  await page.locator('[data-testid="run-status"]', { hasText: /^(done|error|stopped)$/ }).waitFor({ timeout: 300_000 });
}

/**
 * Measures Python mode on fresh pages of `browser` (a new context: an empty HTTP cache).
 * @example
 * await pythonRows(browser, "http://localhost:4180", report);
 */
export async function pythonRows(browser: Browser, base: string, report: Report): Promise<void> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  try {
    let page = await context.newPage();
    await ready(page, base);
    await page.waitForTimeout(3000);
    const ts = await downloaded(page);
    report("TypeScript-only user: downloaded at start-up (JavaScript / everything)", `${kb(ts.js)} / ${kb(ts.all)}${ts.python ? " — INCLUDES Python files" : ", no Python file"}`);

    const cold = await chooseAndRun(page);
    await done(page);
    const withPython = await downloaded(page);
    report("Python cold: choose Python → print(…) on screen (empty cache)", ms(cold));
    report("  Python's files downloaded", kb(withPython.all - ts.all));
    // The spare worker boots in the background after a run: Run is quick once it is up.
    await page.waitForTimeout(8000);
    const t0 = Date.now();
    await page.getByRole("button", { name: "Run", exact: true }).click();
    await done(page);
    report("Python warm: Run → done with a booted spare worker", ms(Date.now() - t0));

    await page.close();
    page = await context.newPage();
    await ready(page, base);
    const warm = await chooseAndRun(page);
    await done(page);
    report("Python warm load: new page, cached files: choose Python → output", ms(warm));

    // The regression, pasted as Python, on a booted spare.
    await page.waitForTimeout(8000);
    const source = readFileSync(new URL("../../examples/tutorial_py/15_linear_regression.py", import.meta.url), "utf8");
    await page.evaluate((code) => {
      window.__playground!.setSeed(1);
      window.__playground!.setCode(code);
      const w = window as unknown as { __longest: number; __tasks: number; __from: number };
      w.__longest = 0;
      w.__tasks = 0;
      w.__from = performance.now();
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) {
          if (e.startTime < w.__from) continue;
          w.__tasks++;
          w.__longest = Math.max(w.__longest, e.duration);
        }
      }).observe({ type: "longtask" });
    }, source);
    await page.waitForTimeout(500);
    await page.getByRole("button", { name: "Run", exact: true }).click();
    await done(page);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const r = await page.evaluate(() => {
      const s = window.__playground!.state().program;
      const w = window as unknown as { __longest: number; __tasks: number };
      return { status: s.status, wall: (s.endedAt ?? NaN) - (s.startedAt ?? NaN), runs: s.runCount, longest: w.__longest, tasks: w.__tasks };
    });
    report("100,000-step regression pasted as Python (print every step): wall time", `${ms(r.wall)} (${r.status}, ${r.runs.toLocaleString("en-US")} runs)`, "< 3000 ms");
    report("  longest main-thread task while it ran", r.tasks === 0 ? "under 50 ms (no long task)" : `${ms(r.longest)} (${r.tasks} tasks over 50 ms)`, "< 50 ms");
  } finally {
    await context.close();
  }
}
