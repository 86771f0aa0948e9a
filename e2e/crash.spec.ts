/**
 * A tab killed mid-run (the renderer crashes, e.g. a program filled the heap) gets its program
 * back at the next load; other tabs that are alive and running raise no false alarm.
 */
import { expect, test, type Page } from "@playwright/test";
import { getCode, openApp, setCode, status } from "./helpers";

const banner = (page: Page) => page.getByTestId("banner");
const CRASH_TEXT = "The page stopped while a program was running";
const LONG = "// a long run\nlet n = 0;\nwhile (true) { n += 1; }\n";

async function startLongRun(page: Page): Promise<void> {
  await setCode(page, LONG);
  await page.getByRole("button", { name: "Run", exact: true }).click();
  await expect(status(page)).toHaveText("running");
}

test("a tab that crashed during a run offers its program back when the playground is opened again", async ({ context }) => {
  const doomed = await context.newPage();
  await openApp(doomed);
  await startLongRun(doomed);
  const cdp = await context.newCDPSession(doomed);
  const crashed = doomed.waitForEvent("crash");
  void cdp.send("Page.crash").catch(() => undefined); // the reply never comes: the renderer is gone
  await crashed;
  await doomed.close();

  const next = await context.newPage();
  await openApp(next);
  await expect(banner(next)).toContainText(CRASH_TEXT);
  await next.getByRole("button", { name: "Restore that program" }).click();
  expect(await getCode(next)).toBe(LONG);

  // The note is taken once: the next load says nothing.
  await next.reload();
  await openApp(next);
  await expect(next.locator("html")).toHaveAttribute("data-crash-guard", "checked");
  await expect(banner(next)).toHaveCount(0);
});

test("opening a second tab while the first runs a long program raises no crash alarm and keeps the first tab's note", async ({ context }) => {
  const first = await context.newPage();
  await openApp(first);
  await startLongRun(first);

  const second = await context.newPage();
  await openApp(second);
  // The check at load is asynchronous (it asks the browser which tabs hold their locks).
  await expect(second.locator("html")).toHaveAttribute("data-crash-guard", "checked");
  await expect(banner(second)).toHaveCount(0);
  const notes = await second.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("tf-playground:running")));
  expect(notes).toHaveLength(1);

  await first.getByRole("button", { name: "Stop" }).click();
  await expect(status(first)).toHaveText("stopped");
  const left = await second.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("tf-playground:running")));
  expect(left).toHaveLength(0);
});
