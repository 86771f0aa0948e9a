/**
 * One explanation per failure: the card beside or under the graph says it in full; the console,
 * the hints, the selected run and the editor say it in one line and link to the card.
 */
import { expect, test, type Page } from "@playwright/test";
import { openApp, runAndWait, setCode } from "./helpers";

const FAILING = [
  "const input_placeholder = tf.placeholder(tf.int32);",
  "const three_node = tf.constant(3);",
  "const sum_node = input_placeholder + three_node;",
  "const sess = tf.Session();",
  "print(sess.run(three_node));",
  "print(sess.run(sum_node));",
].join("\n");

const card = (page: Page) => page.getByRole("region", { name: "Why this run failed" });
const focusedInCard = (page: Page) => page.evaluate(() => document.activeElement?.closest('[data-testid="explanation-card"]') !== null);

async function failed(page: Page) {
  await openApp(page);
  await setCode(page, FAILING);
  expect(await runAndWait(page)).toBe("error");
  await expect(card(page)).toContainText("input_placeholder was not fed");
}

test.describe("at 1280×720", () => {
  test.use({ viewport: { width: 1280, height: 720 } });

  test("the card is the one full explanation; the other places give one line", async ({ page }) => {
    await failed(page);
    await expect(card(page)).toContainText("How to fix it");

    const hint = page.getByRole("log", { name: "Console" }).locator(".console-hint");
    await expect(hint).toHaveText("hintline 6: run #1 failed: input_placeholder was not fed Why, and how to fix it →");
    // The hints under the graph do not repeat what the card beside them says.
    await expect(page.getByRole("region", { name: "Hints" })).toHaveCount(0);
    await expect(page.locator(".run-error-line")).toHaveText(/^✕ input_placeholder was not fed \(InvalidArgumentError\) Why, and how to fix it →$/);
    const markers = await page.evaluate(() => window.__playground!.markers!().filter((m) => m.owner === "tf-run"));
    expect(markers.map((m) => [m.line, m.message])).toEqual([
      [6, "Run 1 failed: input_placeholder was not fed (InvalidArgumentError)"],
      [1, "input_placeholder, created on this line: run 1 (line 6) failed here: input_placeholder was not fed"],
    ]);
  });

  test("the card does not cover the red path, and folds to one line", async ({ page }) => {
    await failed(page);
    const canvas = (await page.getByTestId("graph-canvas").boundingBox())!;
    const box = (await card(page).boundingBox())!;
    const overlaps = box.x < canvas.x + canvas.width && canvas.x < box.x + box.width && box.y < canvas.y + canvas.height && canvas.y < box.y + box.height;
    expect(overlaps).toBe(false);
    for (const op of ["Placeholder", "add"]) {
      const p = (await (await page.waitForFunction((o) => window.__graphBench!.pointOf(o), op)).jsonValue())!;
      expect(p.x).toBeGreaterThan(canvas.x);
      expect(p.x).toBeLessThan(canvas.x + canvas.width);
      expect(p.y).toBeGreaterThan(canvas.y);
      expect(p.y).toBeLessThan(canvas.y + canvas.height);
    }
    await card(page).getByRole("button", { name: "Fold the explanation" }).click();
    await expect(card(page)).not.toContainText("How to fix it");
    expect((await card(page).boundingBox())!.height).toBeLessThan(40);
    // The console's link unfolds it and takes the focus there.
    await page.getByRole("log", { name: "Console" }).getByRole("button", { name: "Why, and how to fix it" }).click();
    await expect(card(page)).toContainText("How to fix it");
    await expect.poll(() => focusedInCard(page)).toBe(true);
  });

  test("the link of another run's failure selects that run and opens its card", async ({ page }) => {
    await failed(page);
    await page.getByRole("listbox", { name: "Runs" }).locator('[data-run="0"]').click();
    await expect(card(page)).toHaveCount(0);
    await page.getByRole("log", { name: "Console" }).getByRole("button", { name: "Why, and how to fix it" }).click();
    await expect(page.getByRole("listbox", { name: "Runs" }).locator('[data-run="1"]')).toHaveAttribute("aria-selected", "true");
    await expect(card(page)).toContainText("How to fix it");
    await expect.poll(() => focusedInCard(page)).toBe(true);
  });
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test("the Output tab's link shows the Graph tab with the card", async ({ page }) => {
    await failed(page);
    const tabs = page.getByRole("tablist", { name: "Workspace" });
    await tabs.getByRole("tab", { name: "Output" }).tap();
    await page.getByRole("tabpanel", { name: "Output" }).getByRole("button", { name: "Why, and how to fix it" }).first().tap();
    await expect(tabs.getByRole("tab", { name: "Graph" })).toHaveAttribute("aria-selected", "true");
    await expect(card(page)).toBeVisible();
    await expect.poll(() => focusedInCard(page)).toBe(true);
  });
});
