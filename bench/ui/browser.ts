/**
 * What every `bench:ui` script needs: the production build served by `vite preview` on
 * BENCH_PORT, the Chromium to drive, and a fresh, settled page of the app.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import type { Page } from "@playwright/test";

export const PORT = Number(process.env.BENCH_PORT ?? 4180);
export const BASE = `http://localhost:${PORT}`;
export const ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

export function executablePath(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  return existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined;
}

export async function startPreview(): Promise<ChildProcess> {
  // Vite itself, not through npx: killing npx left the server running, and the next bench
  // then measured whatever build that stale server was serving.
  const vite = resolve("node_modules/vite/bin/vite.js");
  const busy = await fetch(BASE).then(
    () => true,
    () => false,
  );
  if (busy) throw new Error(`Something already serves ${BASE} (a stale vite preview?): stop it or set BENCH_PORT.`);
  // BENCH_DIST serves another build (an older commit's, built elsewhere): runs of the two, taken
  // in turn under the same load, compare where lone figures on a shared machine cannot.
  const dist = process.env.BENCH_DIST === undefined ? [] : ["--outDir", resolve(process.env.BENCH_DIST)];
  const server = spawn(process.execPath, [vite, "preview", "--port", String(PORT), "--strictPort", ...dist], { stdio: "ignore" });
  let exited: number | null = null;
  server.on("exit", (code) => {
    exited = code ?? -1;
  });
  for (let i = 0; i < 100; i++) {
    if (exited !== null) throw new Error(`vite preview exited (code ${exited}): is port ${PORT} in use? Set BENCH_PORT to another port.`);
    try {
      if ((await fetch(BASE)).ok) return server;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  server.kill();
  throw new Error("vite preview did not start");
}

/**
 * Waits until the editor's TypeScript worker has started and had time to load and check the
 * text (it starts 1.5 s after load unless the learner reaches for the editor, and takes about
 * a second of a core): graphs are drawn on a settled page, not one still starting up.
 */
export async function settle(page: Page): Promise<void> {
  await page.waitForFunction(() => performance.getEntriesByType("resource").some((e) => e.name.includes("tfTs.worker")), null, { timeout: 30_000 });
  await page.waitForTimeout(1500);
  await page.evaluate(() => new Promise<void>((resolve) => requestIdleCallback(() => resolve(), { timeout: 1000 })));
}

/** A fresh page per run: nothing laid out before, as for a learner's first Run of a program. */
export async function freshPage(page: Page): Promise<void> {
  await page.goto(BASE);
  await page.locator('[data-testid="editor"][data-ready="true"]').waitFor({ timeout: 60_000 });
  await settle(page);
}

