/**
 * End-to-end tests in Chromium against the production build (vite build + vite preview).
 * The browser is $CHROMIUM_PATH, else /usr/bin/chromium, else Playwright's own (see
 * scripts/ensure-browser.mjs, which `npm test` runs first).
 */
import { defineConfig } from "@playwright/test";
import { existsSync } from "node:fs";
import { cpus } from "node:os";

const PORT = Number(process.env.E2E_PORT ?? 4173);

function executablePath(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  return existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined;
}

export const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

export default defineConfig({
  testDir: "e2e",
  testMatch: "**/*.spec.ts",
  fullyParallel: true,
  // Hang guards, not verdicts: on a shared two-core machine under load a test that takes 10 s
  // alone can take 40 (Playwright's defaults are 30 s a test, 5 s an expectation). Speed is
  // measured by \`npm run bench:ui\`, never asserted here.
  timeout: 120_000,
  expect: { timeout: 20_000 },
  // One browser per core: more only makes every test slower and timing-sensitive ones flaky.
  workers: Math.max(1, Math.min(4, cpus().length)),
  // On shared CI machines a test can miss a timing window once; a retry that passes is
  // reported as flaky in the list, not hidden.
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL: `http://localhost:${PORT}`,
    browserName: "chromium",
    launchOptions: { executablePath: executablePath(), args: CHROMIUM_ARGS },
    trace: "retain-on-failure",
  },
  webServer: {
    // The production build, served as a host would (`npm test` builds first and says so).
    command: `${process.env.E2E_NO_BUILD ? "" : "npx vite build --logLevel warn && "}npx vite preview --port ${PORT} --strictPort`,
    url: `http://localhost:${PORT}`,
    reuseExistingServer: !process.env.CI,
    timeout: 180_000,
  },
});
