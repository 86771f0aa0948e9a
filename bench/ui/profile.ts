/**
 * `npx tsx bench/ui/profile.ts <program> [expand]` (after `npx vite build`): a CPU profile of the
 * page's main thread while one of bench:ui's graph programs (GRAPH_PROGRAMS, matched by name)
 * runs on a fresh, settled page and its picture becomes final; with `expand`, while "Expand all"
 * is then drawn. Prints each main-thread task of 50 ms or more (Long Tasks API) from Run (or the
 * click) to the final picture, with the functions that took its time, and writes the profile for DevTools
 * (PROFILE_OUT, default /tmp/bench-ui.cpuprofile). Finds *why* a row of bench:ui is slow.
 */
import { writeFileSync } from "node:fs";
import { chromium } from "@playwright/test";
import { ARGS, executablePath, freshPage, startPreview } from "./browser";
import { GRAPH_PROGRAMS } from "./graphPrograms";
import { measureClick, measureRun, PROBES, type Sample } from "./graphs";
import { breakdown, firstSampleIn, type CpuProfile } from "./profileStretches";

const [which = "range(3000)", mode] = process.argv.slice(2);
const program = GRAPH_PROGRAMS.find((p) => p.name.includes(which));
if (program === undefined) throw new Error(`no graph program named like ${which}: ${GRAPH_PROGRAMS.map((p) => p.name).join(", ")}`);
const out = process.env.PROFILE_OUT ?? "/tmp/bench-ui.cpuprofile";

const server = await startPreview();
const browser = await chromium.launch({ executablePath: executablePath(), args: ARGS });
try {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await context.addInitScript(PROBES);
  const page = await context.newPage();
  await freshPage(page);
  const cdp = await context.newCDPSession(page);
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
  let sample: Sample;
  if (mode === "expand") await measureRun(page, program.source);
  await cdp.send("Profiler.start");
  // A marker the profile shows: lines the page's clock (the long tasks' times) up with the profile's.
  const markAt = await page.evaluate(() => {
    const t = performance.now();
    // eslint-disable-next-line no-empty
    new Function("t", "return (function __profileMark() { while (performance.now() - t < 5) {} })()")(t);
    return t;
  });
  const from = await page.evaluate(() => performance.now());
  sample = mode === "expand" ? await measureClick(page, "Expand all") : await measureRun(page, program.source);
  const tasks = await page.evaluate((since) => (window as unknown as { __tasks: { start: number; d: number }[] }).__tasks.filter((t) => t.start >= since), from);
  const { profile } = (await cdp.send("Profiler.stop")) as unknown as { profile: CpuProfile };
  writeFileSync(out, JSON.stringify(profile));
  console.log(`${program.name}${mode === "expand" ? ", Expand all" : ""}: ${sample.final.ops} ops, ${sample.final.drawn} drawn (${sample.final.layout})`);
  console.log(`  run ${Math.round(sample.runMs)} ms, end → final picture ${Math.round(sample.endToFinal)} ms, longest task while running ${Math.round(sample.longestRunning)} ms, after ${Math.round(sample.longestAfter)} ms (0: none ≥ 50 ms)`);
  const mark = firstSampleIn(profile, "__profileMark");
  if (mark === null) throw new Error("the profile has no sample of the clock marker");
  const toProfile = (t: number) => mark + (t - markAt) * 1000;
  const rows = (xs: { name: string; ms: number }[]) => xs.map((f) => `      ${f.ms.toFixed(1).padStart(6)} ms  ${f.name}`).join("\n");
  for (const t of tasks.sort((a, b) => b.d - a.d).slice(0, 6)) {
    const b = breakdown(profile, toProfile(t.start), toProfile(t.start + t.d));
    console.log(`  task ${Math.round(t.d)} ms at +${Math.round(t.start - from)} ms (${b.busyMs.toFixed(0)} ms sampled)\n    self:\n${rows(b.self)}\n    on the stack:\n${rows(b.inclusive)}`);
  }
  if (tasks.length === 0) console.log("  no task of 50 ms or more");
  console.log(`profile: ${out}`);
} finally {
  await browser.close();
  server.kill();
}
