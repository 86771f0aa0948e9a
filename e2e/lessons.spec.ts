/** The lesson player, driven as a learner and an instructor would. */
import { expect, test, type Page } from "@playwright/test";
// lz-string is CommonJS: Playwright's ESM loader sees only its default export.
import lzString from "lz-string";
import { getCode, openApp, runAndWait, setCode } from "./helpers";

const lessonPane = (page: Page) => page.getByRole("region", { name: "Lesson" });
const task = (page: Page, n: number) => lessonPane(page).locator(".task-card").nth(n);

const FOUR_SEVENS = "let seven = tf.constant(7);\nconst other = tf.constant(7);\nseven = tf.constant(7);\ntf.constant(7);\n";

test("a learner completes a lesson, and the progress survives a reload", async ({ page }) => {
  await openApp(page, "/#lesson/the-global-graph");
  await expect(lessonPane(page).getByRole("heading", { name: "One graph for the whole program" })).toBeVisible();
  expect(await getCode(page)).toContain("const seven = tf.constant(7);");

  // The starter passes the look-only task and not the other.
  await runAndWait(page);
  await expect(task(page, 0)).toContainText("Done: every check passes");
  await expect(task(page, 1)).toContainText("not yet: the graph has 1 Const op");

  // Hints come one at a time.
  await task(page, 1).getByRole("button", { name: /Show a hint/ }).click();
  await expect(task(page, 1).getByLabel("Hint 1")).toBeVisible();
  await expect(task(page, 1).getByLabel("Hint 2")).toHaveCount(0);

  await setCode(page, FOUR_SEVENS);
  await runAndWait(page);
  await expect(task(page, 1)).toContainText("Done: every check passes");

  await page.reload();
  await expect(lessonPane(page)).toBeVisible();
  expect(await getCode(page)).toBe(FOUR_SEVENS);
  await lessonPane(page).getByRole("button", { name: "← Lessons" }).click();
  await expect(lessonPane(page).locator('li[data-status="done"]')).toContainText("One graph for the whole program");
});

test("hovering a node name in the prose highlights that node", async ({ page }) => {
  await openApp(page, "/#lesson/steps-not-results");
  await lessonPane(page).locator(".lesson-node-ref", { hasText: "mul" }).first().hover();
  await expect.poll(() => page.evaluate(() => window.__playground!.state().selection.hoverNode)).toBe("mul");
});

test("a custom-lesson link opens the whole lesson, and the Share button carries the code", async ({ page }) => {
  const text = [
    "---",
    "id: doubling",
    "title: Doubling by a custom lesson",
    "order: 1",
    "summary: Made by an instructor.",
    "---",
    "Double a constant.",
    "```ts starter",
    "const x = tf.constant(21);",
    "```",
    "## Task: Double it {#double}",
    "Print the double of x.",
    "```check",
    "some run returns 42",
    "```",
    "```hint",
    "Multiply by 2 and run it.",
    "```",
    "```ts solution",
    "const x = tf.constant(21);",
    "print(tf.Session().run(x * 2));",
    "```",
  ].join("\n");
  await openApp(page, `/#custom/${lzString.compressToEncodedURIComponent(text)}/double`);
  await expect(lessonPane(page).getByRole("heading", { name: "Doubling by a custom lesson" })).toBeVisible();
  await runAndWait(page);
  await expect(task(page, 0)).toContainText("not yet: the program made no runs");

  const solved = "const x = tf.constant(21);\nprint(tf.Session().run(x * 2));\n";
  await setCode(page, solved);
  await runAndWait(page);
  await expect(task(page, 0)).toContainText("Done");

  await page.getByRole("button", { name: "Share" }).click();
  const link = await page.getByRole("textbox", { name: "Share link URL" }).inputValue();
  expect(link).toMatch(/#custom\/[^/]+\/double\/code\//);
  const other = await page.context().newPage();
  await openApp(other, link);
  expect(await getCode(other)).toBe(solved);
});

test("a broken lesson file gets a message that points at the problem", async ({ page }) => {
  await openApp(page, "/#lesson/sessions");
  await lessonPane(page).getByRole("button", { name: "← Lessons" }).click();
  await lessonPane(page).getByLabel("Lesson file").setInputFiles({ name: "mine.md", mimeType: "text/markdown", buffer: Buffer.from("---\nid: mine\ntitle: Mine\n---\n") });
  const alert = lessonPane(page).getByRole("alert");
  await expect(alert).toContainText("mine.md could not be opened as a lesson");
  await expect(alert).toContainText("mine.md:1: the front matter has no `order`");
});

test("an embed link shows the lesson's title and the panes asked for, without the toolbar", async ({ page }) => {
  await openApp(page, "/?embed=1&hide=runs,console#lesson/sessions");
  await expect(page.getByRole("banner").getByRole("heading", { name: "A session runs the graph" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Share" })).toHaveCount(0);
  await expect(page.getByRole("log", { name: "Console" })).toHaveCount(0);
  await runAndWait(page);
  await expect(task(page, 0)).toContainText("Done");
});
