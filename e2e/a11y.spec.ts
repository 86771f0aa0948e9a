/**
 * axe-core finds no violation (WCAG 2.1 A and AA rules, and axe's best practices) in every
 * state a learner reaches: first load, after a run, a failed run, a lesson, dark mode, the
 * phone layout, the maximized graph.
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { openApp, runAndWait, setCode } from "./helpers";

const OK = 'const a = tf.constant(3.0, {name: "a"});\nconst b = a * 2.0;\nconst sess = tf.Session();\nfor (const i of range(3)) print(sess.run(b));\n';
const FAILING = 'const x = tf.placeholder(tf.float32, {name: "x"});\nconst y = x * 2.0;\nconst sess = tf.Session();\nprint(sess.run(y, {feed_dict: {[x]: 1.0}}));\nsess.run(y);\n';

async function expectNoViolations(page: Page, state: string) {
  // Let the graph settle (layout, badges) so the page is checked as a learner sees it.
  await page.waitForTimeout(300);
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"])
    // The program sandbox is an empty, hidden frame (aria-hidden, no content).
    .exclude('[data-testid="program-sandbox"]')
    .analyze();
  const found = results.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join("\n    ")}`);
  expect(found, `axe in the state "${state}"`).toEqual([]);
}

test.describe.configure({ timeout: 90_000 });

test("first load, after a run, and a failed run", async ({ page }) => {
  await openApp(page);
  await expectNoViolations(page, "first load");
  await page.getByRole("button", { name: "Just play" }).click();
  await setCode(page, OK);
  expect(await runAndWait(page)).toBe("done");
  await expectNoViolations(page, "after a run");
  await page.getByRole("button", { name: "Legend" }).click();
  await page.getByRole("button", { name: "Text view" }).click();
  await page.getByRole("list", { name: "Graph outline" }).getByRole("button", { name: /^a \(Const\)/ }).click();
  await expect(page.getByTestId("inspector")).toBeVisible();
  await expectNoViolations(page, "after a run, with the legend, the text view and the inspector");
  for (const tab of ["Chart", "Session memory"]) {
    await page.getByRole("tab", { name: tab }).click();
    await expectNoViolations(page, `after a run, ${tab}`);
  }
  await setCode(page, FAILING);
  expect(await runAndWait(page)).toBe("error");
  await page.getByRole("tab", { name: "Selected run" }).click();
  await expectNoViolations(page, "a failed run");
});

test("a lesson, and the lesson list", async ({ page }) => {
  await openApp(page, "/#lesson/placeholders");
  expect(await runAndWait(page)).toBe("error");
  await page.getByRole("region", { name: "Lesson" }).getByRole("button", { name: "Show a hint (1 of 1)" }).first().click();
  await expectNoViolations(page, "a lesson after a run");
  await page.getByRole("button", { name: "← Lessons" }).click();
  await expectNoViolations(page, "the lesson list");
  await page.getByRole("button", { name: "Fold the lesson to a rail" }).click();
  await expectNoViolations(page, "the lesson folded to a rail");
});

test("dark mode, with a failed run and the graph maximized", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "dark" });
  await openApp(page);
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await expectNoViolations(page, "dark, first load");
  await setCode(page, FAILING);
  expect(await runAndWait(page)).toBe("error");
  await expectNoViolations(page, "dark, a failed run");
  await page.locator("body").press("g");
  await expect(page.getByRole("button", { name: "Maximize graph" })).toHaveAttribute("aria-pressed", "true");
  await expectNoViolations(page, "dark, the graph maximized");
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test("every tab, and the settings", async ({ page }) => {
    await openApp(page);
    await expectNoViolations(page, "phone, first load");
    await setCode(page, FAILING);
    await page.getByRole("button", { name: "Run", exact: true }).tap();
    await expect(page.getByTestId("run-status")).toHaveText("error");
    await expectNoViolations(page, "phone, the graph tab after a failed run");
    await page.getByRole("tab", { name: "Output" }).tap();
    await expectNoViolations(page, "phone, the output tab");
    await page.getByRole("button", { name: "More settings" }).tap();
    await expectNoViolations(page, "phone, the settings open");
  });
});
