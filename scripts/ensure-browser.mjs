#!/usr/bin/env node
/**
 * Finds a Chromium for the end-to-end tests and prints its path: $CHROMIUM_PATH, else
 * /usr/bin/chromium, else Playwright's own browser. If none is found and we are root on
 * Debian, installs Debian's `chromium` with apt-get (Playwright cannot download browsers here).
 * Exits non-zero, with a message saying what to do, if there is still none.
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

/** Playwright's own Chromium, if it was installed (`npx playwright install chromium`). */
function playwrightBrowser() {
  try {
    const p = require("playwright-core").chromium.executablePath();
    return p && existsSync(p) ? p : null;
  } catch {
    return null;
  }
}

export function findBrowser() {
  const env = process.env.CHROMIUM_PATH;
  if (env) {
    if (existsSync(env)) return env;
    console.error(`CHROMIUM_PATH is set to ${env}, which does not exist.`);
    return null;
  }
  for (const p of ["/usr/bin/chromium", "/usr/bin/chromium-browser"]) if (existsSync(p)) return p;
  return playwrightBrowser();
}

function isDebianRoot() {
  return process.platform === "linux" && typeof process.getuid === "function" && process.getuid() === 0 && existsSync("/etc/debian_version");
}

function main() {
  let path = findBrowser();
  if (!path && !process.env.CHROMIUM_PATH && isDebianRoot()) {
    console.error("No Chromium found: installing Debian's chromium with apt-get…");
    const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
    execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
    execFileSync("apt-get", ["install", "-y", "-qq", "chromium"], { stdio: "inherit", env });
    path = findBrowser();
  }
  if (!path) {
    console.error("No Chromium for the end-to-end tests. Set CHROMIUM_PATH, install chromium, or run `npx playwright install chromium`.");
    process.exit(1);
  }
  console.log(path);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
