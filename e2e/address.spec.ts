/** Any address, however malformed, opens the page with a banner that says what is wrong. */
import { expect, test, type Page } from "@playwright/test";
// lz-string is CommonJS: Playwright's ESM loader sees only its default export.
import lzString from "lz-string";
import { getCode, openApp, runAndWait, setCode } from "./helpers";

const banner = (page: Page) => page.getByTestId("banner");
const lessonPane = (page: Page) => page.getByRole("region", { name: "Lesson" });

/** Opens `hash` as a fresh page load and checks the page works: the editor runs a program. */
async function opensWithBanner(page: Page, hash: string, text: string | RegExp): Promise<void> {
  // From a blank page, so that only the hash differing cannot make it a same-page navigation.
  await page.goto("about:blank");
  await page.goto(`/${hash}`);
  await expect(page.getByTestId("editor")).toHaveAttribute("data-ready", "true", { timeout: 60_000 });
  await expect(banner(page)).toContainText(text);
}

test("malformed addresses show the page with a banner, and the page still runs programs", async ({ page }) => {
  // Five page loads: more than the default 30 s on a busy two-core machine.
  test.setTimeout(120_000);
  await openApp(page);
  const mine = "print('mine');\n";
  await setCode(page, mine);
  await expect.poll(() => page.evaluate(() => localStorage.getItem("tf-playground:code"))).toBe(mine);

  const cases: [string, string | RegExp][] = [
    ["#lesson/%", '"%" is not a lesson id.'],
    ["#lesson/x%2", '"x%2" is not a lesson id.'],
    ["#lesson/%E0%A4%A", '"%E0%A4%A" is not a lesson id.'],
    // The others (code, custom, task links...) are read by the same router: src/app/address.test.ts.
    ["#intro%", "not a playground link"],
  ];
  for (const [hash, text] of cases) {
    await opensWithBanner(page, hash, text);
    expect(await getCode(page)).toBe(mine);
  }
  expect(await runAndWait(page)).toBe("done");
});

test("a short custom-lesson link that expands to megabytes is refused at once", async ({ page }) => {
  // A link of a few KB for more than a megabyte of lesson: the shape that froze the page (37 KB
  // expanding to 5 MB took about 50 s).
  const lesson = "---\nid: big\ntitle: Big\norder: 1\nsummary: s\n---\n" + "Some prose, the same line again.\n".repeat(40_000);
  const link = lzString.compressToEncodedURIComponent(lesson);
  expect(link.length).toBeLessThan(lesson.length / 50);
  await openApp(page, `/#custom/${link}`);
  await expect(banner(page)).toContainText("The lesson in this link is larger than 256 KB once expanded");
  // The page is responsive: a program runs.
  await setCode(page, "print(1 + 1);\n");
  expect(await runAndWait(page)).toBe("done");
});

test("a custom-lesson link with a malformed lesson says so at once, and the Lessons pane lists the problems", async ({ page }) => {
  const broken = "---\nid: mine\ntitle: Mine\n---\nNo order, no starter, no tasks.\n";
  await openApp(page, `/#custom/${lzString.compressToEncodedURIComponent(broken)}`);
  await expect(banner(page)).toContainText("The lesson in this link could not be opened: line 1: the front matter has no `");
  await expect(banner(page)).toContainText("more problems");
  const alert = lessonPane(page).getByRole("alert");
  await expect(alert).toContainText("the lesson in this link could not be opened as a lesson");
  await expect(alert).toContainText("the lesson has no tasks");
});
