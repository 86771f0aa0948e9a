/**
 * Every program of the seed tutorial (examples/tutorial/*.ts) run in the page prints exactly
 * what the same runner prints in Node for the same seed (program output and tf.Print, in
 * order; the first 1,000 and last 5,000 lines of long outputs).
 */
import { expect, test } from "@playwright/test";
import { readdirSync, readFileSync } from "node:fs";
import { runProgram } from "../src/runner/run_program";
import type { ProgramEvent } from "../src/runner/events";
import { consoleLines, openApp, runAndWait, setCode } from "./helpers";

const DIR = new URL("../examples/tutorial/", import.meta.url);
const SEED = 1;
const names = readdirSync(DIR).filter((f) => f.endsWith(".ts")).sort();

async function expected(source: string) {
  const events: ProgramEvent[] = [];
  const end = await runProgram(source, { seed: SEED, emit: (e) => events.push(e), values: "fetches" });
  const lines = events.flatMap((e) => (e.type === "stdout" || e.type === "stderr" ? [e.text] : []));
  return { ok: end.ok, lines };
}

for (const name of names) {
  test(`tutorial ${name} prints what the runner prints`, async ({ page }) => {
    // A hang guard, not a speed goal: tutorial 15 runs 100,000 steps, computed once here and
    // once in the page, which takes longer than the default 30 s on a loaded machine
    // (runAndWait below already allows 120 s for the page's run).
    test.setTimeout(180_000);
    const source = readFileSync(new URL(name, DIR), "utf8");
    const want = await expected(source);
    await openApp(page);
    await page.evaluate((seed) => window.__playground!.setSeed(seed), SEED);
    await setCode(page, source);
    expect(await runAndWait(page, 120_000)).toBe(want.ok ? "done" : "error");
    // The editor's TypeScript accepts the tutorial as written (operators on tensors included).
    await expect
      .poll(async () => (await page.evaluate(() => window.__playground!.markers!())).filter((m) => m.owner === "typescript").map((m) => `${m.line}: ${m.message}`), { timeout: 30_000 })
      .toEqual([]);
    if (want.lines.length <= 1000) {
      expect(await consoleLines(page)).toEqual(want.lines);
    } else {
      // Long output: the page keeps the first 1,000 and the last 5,000 lines.
      const got = await page.evaluate(() => {
        const c = window.__playground!.state().console;
        return { head: c.head.map((l) => l.text), tail: c.tail.map((l) => l.text), total: c.total };
      });
      expect(got.total).toBe(want.lines.length);
      expect(got.head).toEqual(want.lines.slice(0, 1000));
      expect(got.tail).toEqual(want.lines.slice(-Math.min(5000, want.lines.length - 1000)));
      await expect(page.getByTestId("console-omitted")).toContainText(`${(want.lines.length - 6000).toLocaleString("en-US")} lines omitted`);
    }
  });
}
