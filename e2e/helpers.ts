/** Small helpers for driving the playground as a user does. */
import { expect, type Page } from "@playwright/test";

/** Opens the app and waits until the editor can be edited. */
export async function openApp(page: Page, path = "/"): Promise<void> {
  await page.goto(path);
  await expect(page.getByTestId("editor")).toHaveAttribute("data-ready", "true", { timeout: 60_000 });
}

/** Sets the editor text through the page's test hook (typing would be mangled by auto-indent). */
export async function setCode(page: Page, code: string): Promise<void> {
  await page.evaluate((c) => window.__playground!.setCode(c), code);
}

export async function getCode(page: Page): Promise<string> {
  return page.evaluate(() => window.__playground!.getCode());
}

export function status(page: Page) {
  return page.getByTestId("run-status");
}

/** Clicks Run and waits for the run to finish (done, error or stopped). */
export async function runAndWait(page: Page, timeout = 60_000): Promise<string> {
  await page.getByRole("button", { name: "Run", exact: true }).click();
  await expect(status(page)).not.toHaveText("running", { timeout });
  await expect(status(page)).toHaveText(/^(done|error|stopped)$/, { timeout });
  return (await status(page).textContent()) ?? "";
}

export function consoleLog(page: Page) {
  return page.getByRole("log", { name: "Console" });
}

/** The console's program output lines (stdout and tf.Print), as text. */
export async function consoleLines(page: Page): Promise<string[]> {
  return consoleLog(page).locator(".console-stdout .console-text, .console-stderr .console-text").allTextContents();
}
