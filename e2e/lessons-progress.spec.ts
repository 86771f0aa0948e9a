/**
 * Lesson progress as a learner sees it: a "watch it fail" task stays done once the program is
 * fixed, the list counts lessons and tasks, `?hide=` takes a pane's buttons away, an embed opens
 * in the full playground, and a first visit is welcomed once.
 */
import { expect, test, type Page } from "@playwright/test";
import { readdirSync, readFileSync } from "node:fs";
import { parseLesson } from "../src/lessons/parse";
import { getCode, openApp, runAndWait, setCode } from "./helpers";

const lessonPane = (page: Page) => page.getByRole("region", { name: "Lesson" });
const task = (page: Page, n: number) => lessonPane(page).locator(".task-card").nth(n);
/** The lessons that ship (numbered files in lessons/): other branches add lessons too. */
const LESSONS = readdirSync(new URL("../lessons/", import.meta.url)).filter((f) => /^\d+-[\w-]+\.md$/.test(f)).length;
const placeholders = parseLesson(readFileSync(new URL("../lessons/06-placeholders.md", import.meta.url), "utf8"), "06-placeholders.md");

test("a task about a failure stays done once the program is fixed, and the lesson completes", async ({ page }) => {
  test.setTimeout(120_000);
  await openApp(page, "/#lesson/placeholders");
  expect(await runAndWait(page)).toBe("error");
  await expect(task(page, 0)).toContainText("Done: every check passes");

  await setCode(page, placeholders.tasks[1].solution.typescript);
  expect(await runAndWait(page)).toBe("done");
  await expect(task(page, 0)).toContainText("Done: your program failed as this task asked");
  await expect(task(page, 0)).not.toContainText("not yet");
  await expect(task(page, 1)).toContainText("Done: every check passes");

  await setCode(page, placeholders.tasks[2].solution.typescript);
  expect(await runAndWait(page)).toBe("done");
  await expect(task(page, 0)).toContainText("Done: your program failed as this task asked");
  await expect(task(page, 1)).toContainText("Done");
  await expect(task(page, 2)).toContainText("Done: every check passes");
  await expect(lessonPane(page).getByRole("status").filter({ hasText: "Every task of this lesson is done" })).toBeVisible();

  await lessonPane(page).getByRole("button", { name: "← Lessons" }).click();
  await expect(lessonPane(page).getByTestId("lessons-done")).toHaveText(`· 1 of ${LESSONS} done`);
  await expect(lessonPane(page).locator('li[data-status="done"]')).toContainText("Placeholders");
});

test("the lesson list says how many tasks each lesson has, and how many are done", async ({ page }) => {
  await openApp(page, "/#lesson/placeholders");
  await runAndWait(page);
  await lessonPane(page).getByRole("button", { name: "← Lessons" }).click();
  await expect(lessonPane(page).getByTestId("lessons-done")).toHaveText(`· 0 of ${LESSONS} done`);
  const item = lessonPane(page).locator("li", { hasText: placeholders.title });
  await expect(item.getByTestId("lesson-tasks")).toHaveText("1 of 3 tasks done");
  await expect(lessonPane(page).locator("li").first().getByTestId("lesson-tasks")).toHaveText(/^\d+ tasks?$/);
});

test("?hide= takes a pane's buttons away with the pane, and such a page does not greet", async ({ page }) => {
  await openApp(page, "/?hide=lessons,graph");
  await expect(page.getByRole("button", { name: "Lessons" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Maximize graph" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Pop out graph" })).toHaveCount(0);
  await expect(page.getByTestId("welcome")).toHaveCount(0);
  await page.locator("body").press("g");
  await expect(page.getByRole("region", { name: "Graph pane" })).toHaveCount(0);
});

test("an embed opens in the full playground with the learner's code", async ({ page, context }) => {
  await openApp(page, "/?embed=1&hide=runs,console#lesson/sessions");
  const code = "print('mine');\n";
  await setCode(page, code);
  const link = page.getByRole("link", { name: "Open in the playground" });
  await expect(link).toHaveAttribute("target", "_blank");
  await expect.poll(async () => (await link.getAttribute("href"))!).toMatch(/#lesson\/sessions\/[^/]+\/code\//);
  const href = (await link.getAttribute("href"))!;
  expect(href).not.toContain("embed");
  expect(href).not.toContain("hide");
  const full = await context.newPage();
  await openApp(full, href);
  await expect(full.getByRole("button", { name: "Share" })).toBeVisible();
  await expect(lessonPane(full).getByRole("heading", { name: "A session runs the graph" })).toBeVisible();
  expect(await getCode(full)).toBe(code);
});

test("a first visit is welcomed once: Just play, or Start the lessons", async ({ page, context }) => {
  await openApp(page);
  const welcome = page.getByTestId("welcome");
  await expect(welcome).toContainText("New here?");
  await page.reload();
  await expect(welcome).toBeVisible();
  await welcome.getByRole("button", { name: "Just play" }).click();
  await expect(welcome).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId("editor")).toHaveAttribute("data-ready", "true");
  await expect(welcome).toHaveCount(0);

  const other = await context.browser()!.newContext();
  const fresh = await other.newPage();
  await openApp(fresh);
  await fresh.getByRole("button", { name: "Start the lessons" }).click();
  await expect(lessonPane(fresh).getByRole("heading", { name: "One graph for the whole program" })).toBeVisible();
  await expect(fresh.getByTestId("welcome")).toHaveCount(0);
  await fresh.reload();
  await expect(fresh.getByTestId("editor")).toHaveAttribute("data-ready", "true");
  await expect(fresh.getByTestId("welcome")).toHaveCount(0);
  await other.close();
});

test("running a program also ends the welcome", async ({ page }) => {
  await openApp(page);
  await setCode(page, "print(1);\n");
  await runAndWait(page);
  await expect(page.getByTestId("welcome")).toHaveCount(0);
});
