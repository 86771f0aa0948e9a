/** No text is lost: lessons keep their own code, links and runs leave copies, a full storage is said. */
import { expect, test, type Page } from "@playwright/test";
// lz-string is CommonJS: Playwright's ESM loader sees only its default export.
import lzString from "lz-string";
import { getCode, openApp, runAndWait, setCode } from "./helpers";

const lessonPane = (page: Page) => page.getByRole("region", { name: "Lesson" });
const historyMenu = (page: Page) => page.getByRole("menu", { name: "Earlier versions of your programs" });
const saved = (page: Page) => page.evaluate(() => localStorage.getItem("tf-playground:code"));

async function openHistory(page: Page) {
  await page.getByRole("button", { name: "History" }).click();
  await expect(historyMenu(page)).toBeVisible();
}

const MINE = "// my playground work\nprint(tf.constant(1) + 1);\n";

test("the playground's code survives a lesson and a share link, and the History menu brings it back", async ({ page }) => {
  test.setTimeout(120_000);
  await openApp(page);
  await setCode(page, MINE);
  await expect.poll(() => saved(page)).toBe(MINE);

  // A built-in lesson: its own code, without touching the playground's.
  await page.evaluate(() => (location.hash = "#lesson/sessions"));
  await expect(lessonPane(page)).toBeVisible();
  await expect.poll(() => getCode(page)).not.toBe(MINE);
  const lessonCode = "// my lesson work\nconst s = tf.Session();\n";
  await setCode(page, lessonCode);
  await lessonPane(page).getByRole("button", { name: "← Lessons" }).click();
  await expect.poll(() => getCode(page)).toBe(MINE);
  expect(await saved(page)).toBe(MINE);
  await page.getByRole("button", { name: "Close the lesson pane" }).click();

  // Both survive a reload, each in its place.
  await page.reload();
  await expect(page.getByTestId("editor")).toHaveAttribute("data-ready", "true", { timeout: 60_000 });
  expect(await getCode(page)).toBe(MINE);
  await page.evaluate(() => (location.hash = "#lesson/sessions"));
  await expect.poll(() => getCode(page)).toBe(lessonCode);
  await lessonPane(page).getByRole("button", { name: "← Lessons" }).click();
  await expect.poll(() => getCode(page)).toBe(MINE);

  // A share link replaces the editor's text; one key later the playground's saved code is the
  // link's, and the History menu still has the learner's own.
  const other = "print('from a link');\n";
  await page.evaluate((hash) => (location.hash = hash), `#code/${lzString.compressToEncodedURIComponent(other)}`);
  await expect.poll(() => getCode(page)).toBe(other);
  await page.getByTestId("editor").click();
  await page.keyboard.press("End");
  await page.keyboard.type("#");
  await expect.poll(() => saved(page)).not.toBe(MINE);
  await openHistory(page);
  const item = historyMenu(page).getByRole("menuitem").filter({ hasText: "// my playground work" });
  await expect(item).toContainText("Playground");
  await expect(item).toContainText("before a link replaced it");
  // The menu works from the keyboard: it opens with focus on the newest copy.
  await expect(historyMenu(page).getByRole("menuitem").first()).toBeFocused();
  await item.click();
  await expect(historyMenu(page)).toHaveCount(0);
  await expect.poll(() => getCode(page)).toBe(MINE);
});

test("a copy is taken before every run and is there after a reload", async ({ page }) => {
  await openApp(page);
  const first = "// first try\nprint(1);\n";
  await setCode(page, first);
  expect(await runAndWait(page)).toBe("done");
  await setCode(page, "// second try\nprint(2);\n");
  await page.reload();
  await expect(page.getByTestId("editor")).toHaveAttribute("data-ready", "true", { timeout: 60_000 });
  await openHistory(page);
  await expect(historyMenu(page).getByRole("menuitem").filter({ hasText: "// first try" })).toContainText("before a run");
  // Closing the page left a copy of the last text too.
  await expect(historyMenu(page).getByRole("menuitem").filter({ hasText: "// second try" })).toContainText("when the page was closed");
  await page.keyboard.press("Escape");
  await expect(historyMenu(page)).toHaveCount(0);
  await expect(page.getByRole("button", { name: "History" })).toBeFocused();
});

test("a full storage is said at once and loses nothing of what is in the page", async ({ page }) => {
  // Every write to storage fails as a full disk makes it fail.
  await page.addInitScript(() => {
    const full = () => {
      throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    };
    Storage.prototype.setItem = full;
    IDBObjectStore.prototype.add = full;
    IDBObjectStore.prototype.put = full;
  });
  await openApp(page);
  await setCode(page, MINE);
  const warning = page.getByRole("alert").filter({ hasText: "Not saved" });
  await expect(warning).toBeVisible();
  await expect(page.getByTestId("banner")).toContainText("Could not save your code: the browser's storage for this page is full or turned off");

  // The work goes on in the page: runs, copies in the History menu (marked not saved), and
  // the playground's code comes back after a lesson.
  expect(await runAndWait(page)).toBe("done");
  await openHistory(page);
  await expect(historyMenu(page).getByRole("menuitem").filter({ hasText: "// my playground work" })).toContainText("not saved");
  await page.keyboard.press("Escape");
  await page.evaluate(() => (location.hash = "#lesson/sessions"));
  await expect.poll(() => getCode(page)).not.toBe(MINE);
  await lessonPane(page).getByRole("button", { name: "← Lessons" }).click();
  await expect.poll(() => getCode(page)).toBe(MINE);
  await expect(warning).toBeVisible();
});
