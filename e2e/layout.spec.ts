/**
 * The workspace's layout, measured from the DOM as a learner sees it: the graph gets the most
 * room, the lesson folds to a rail, every split resizes and is remembered, G maximizes the
 * graph, the graph pops out into a window of its own, and the toolbar stays one row.
 */
import { expect, test, type Page } from "@playwright/test";
import { openApp, runAndWait, setCode } from "./helpers";

const PROGRAM = 'const a = tf.constant(3.0, {name: "a"});\nconst b = tf.constant(4.0, {name: "b"});\nconst total = a + b;\nconst sess = tf.Session();\nprint(sess.run(total));\n';

type Box = { x: number; y: number; width: number; height: number };

async function box(page: Page, selector: string): Promise<Box> {
  const b = await page.locator(selector).first().boundingBox();
  expect(b, `${selector} is laid out`).not.toBeNull();
  return b!;
}

const area = (b: Box) => b.width * b.height;

/** The graph's canvas against every other pane: the largest, ≥ 40 % of the width and ≥ 300 px tall. */
async function expectGraphFirst(page: Page) {
  const viewport = page.viewportSize()!;
  const canvas = await box(page, '[data-testid="graph-canvas"]');
  expect(canvas.width).toBeGreaterThanOrEqual(0.4 * viewport.width);
  expect(canvas.height).toBeGreaterThanOrEqual(300);
  for (const other of ['section[aria-label="Editor"]', ".console-panel", ".runs-panel", ".lesson-pane"]) {
    const el = page.locator(other).first();
    if ((await el.count()) === 0 || !(await el.isVisible())) continue;
    expect(area(canvas), `the graph is larger than ${other}`).toBeGreaterThan(area(await box(page, other)));
  }
}

test.describe("at 1280×720", () => {
  test.use({ viewport: { width: 1280, height: 720 } });
  // Several page loads and runs each: a busy machine needs more than the default 30 s.
  test.describe.configure({ timeout: 90_000 });

  test("the graph is the largest pane on first load, after a run, and in a lesson", async ({ page }) => {
    await openApp(page);
    await expect(page.getByTestId("welcome")).toBeVisible();
    await expectGraphFirst(page);
    await page.getByRole("button", { name: "Just play" }).click();
    await setCode(page, PROGRAM);
    await runAndWait(page);
    await expectGraphFirst(page);

    await openApp(page, "/#lesson/the-global-graph");
    await expect(page.getByRole("region", { name: "Lesson" })).toBeVisible();
    await runAndWait(page);
    await expectGraphFirst(page);
  });

  test("the lesson folds to a rail and back, and the fold is remembered", async ({ page }) => {
    await openApp(page, "/#lesson/the-global-graph");
    const before = await box(page, '[data-testid="graph-canvas"]');
    await page.getByRole("button", { name: "Fold the lesson to a rail" }).click();
    await expect(page.getByRole("region", { name: "Lesson" })).toBeHidden();
    const rail = page.getByRole("navigation", { name: "Lesson (folded)" });
    await expect(rail).toBeVisible();
    expect((await rail.boundingBox())!.width).toBeLessThan(60);
    await expect.poll(async () => (await box(page, '[data-testid="graph-canvas"]')).width).toBeGreaterThan(before.width + 100);

    await page.reload();
    await expect(rail).toBeVisible();
    await rail.getByRole("button", { name: /Unfold the lesson/ }).click();
    await expect(page.getByRole("region", { name: "Lesson" })).toBeVisible();
  });

  test("every split moves with the keyboard and keeps its size after a reload", async ({ page }) => {
    await openApp(page, "/#lesson/the-global-graph");
    const names = ["Resize the lesson", "Resize the code and the graph", "Resize the editor and the console", "Resize the graph and the runs"];
    const moved: Record<string, string> = {};
    for (const name of names) {
      const handle = page.getByRole("separator", { name });
      const start = Number(await handle.getAttribute("aria-valuenow"));
      await handle.focus();
      await page.keyboard.press(name === "Resize the lesson" || name === "Resize the code and the graph" ? "ArrowLeft" : "ArrowDown");
      await page.keyboard.press(name === "Resize the lesson" || name === "Resize the code and the graph" ? "ArrowLeft" : "ArrowDown");
      const now = (await handle.getAttribute("aria-valuenow"))!;
      expect(Math.abs(Number(now) - start), name).toBe(4);
      moved[name] = now;
    }
    await page.reload();
    for (const name of names) await expect(page.getByRole("separator", { name })).toHaveAttribute("aria-valuenow", moved[name]);
  });

  test("G maximizes the graph and gives the room back, but types a g in the editor", async ({ page }) => {
    await openApp(page);
    await page.getByRole("button", { name: "Just play" }).click();
    await setCode(page, PROGRAM);
    await runAndWait(page);
    const main = await box(page, "main");
    await page.locator("body").press("g");
    const maximize = page.getByRole("button", { name: "Maximize graph" });
    await expect(maximize).toHaveAttribute("aria-pressed", "true");
    await expect.poll(async () => (await box(page, 'section[aria-label="Graph pane"]')).width).toBe(main.width);
    expect((await box(page, 'section[aria-label="Graph pane"]')).height).toBe(main.height);
    // The panes under it are out of reach.
    await expect(page.locator('[data-pane="editor"]')).toHaveAttribute("inert", "");
    await page.locator("body").press("G");
    await expect(maximize).toHaveAttribute("aria-pressed", "false");
    await expect(page.locator('[data-pane="editor"]')).not.toHaveAttribute("inert", "");

    await page.locator(".monaco-editor .view-line").last().click();
    await page.keyboard.type("g");
    await expect(maximize).toHaveAttribute("aria-pressed", "false");
    expect(await page.evaluate(() => window.__playground!.getCode())).toContain("g");
  });

  test("the graph pops out into its own window, follows the runs there, and comes back when it closes", async ({ page }) => {
    await openApp(page);
    await page.getByRole("button", { name: "Just play" }).click();
    const [popup] = await Promise.all([page.waitForEvent("popup"), page.getByRole("button", { name: "Pop out graph" }).click()]);
    await expect(page.getByTestId("graph-away")).toContainText("open in its own window");
    await expect(popup.getByTestId("graph-canvas")).toBeVisible();

    await setCode(page, PROGRAM);
    await runAndWait(page);
    const outline = popup.getByRole("list", { name: "Graph outline" });
    await expect(outline.locator('li[data-node="add"]')).toHaveAttribute("data-state", "path fetched");
    const canvas = (await popup.getByTestId("graph-canvas").boundingBox())!;
    expect(canvas.width).toBeGreaterThan(600);

    await popup.close();
    await expect(page.getByTestId("graph-away")).toHaveCount(0);
    await expect(page.getByRole("list", { name: "Graph outline" }).locator('li[data-node="add"]')).toHaveAttribute("data-state", "path fetched");
  });
});

/** Every item of the toolbar on one line, and nothing cut off at the right. */
async function expectOneRow(page: Page) {
  const rows = await page.locator("header.toolbar").evaluate((bar) => {
    const items = [...bar.children].filter((c) => (c as HTMLElement).offsetParent !== null).map((c) => c.getBoundingClientRect());
    const tops = items.map((r) => Math.round(r.top + r.height / 2));
    return { spread: Math.max(...tops) - Math.min(...tops), overflow: bar.scrollWidth - bar.clientWidth, right: Math.max(...items.map((r) => r.right)), width: bar.clientWidth };
  });
  expect(rows.spread, "items share one row").toBeLessThanOrEqual(4);
  expect(rows.overflow, "nothing overflows").toBeLessThanOrEqual(0);
  expect(rows.right).toBeLessThanOrEqual(rows.width);
}

for (const [width, height] of [
  [1440, 900],
  [1280, 720],
  [1024, 700],
  [390, 844],
] as const) {
  test(`the toolbar stays one row at ${width}×${height}, idle and after a run`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    await openApp(page, "/#lesson/the-global-graph");
    await expectOneRow(page);
    await runAndWait(page);
    await expectOneRow(page);
  });
}

test.describe("on a phone (390×844)", () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test("tabs show one pane at a time; Run shows the graph, whose nodes answer taps and pinches", async ({ page }) => {
    await openApp(page);
    const tabs = page.getByRole("tablist", { name: "Workspace" });
    await expect(tabs.getByRole("tab")).toHaveText(["Code", "Graph", "Output"]);
    await expect(tabs.getByRole("tab", { name: "Code" })).toHaveAttribute("aria-selected", "true");
    const editor = await box(page, 'section[aria-label="Editor"]');
    expect(editor.height).toBeGreaterThan(450);

    await setCode(page, PROGRAM);
    await page.getByRole("button", { name: "Run", exact: true }).tap();
    await expect(page.getByTestId("run-status")).toHaveText("done");
    await expect(tabs.getByRole("tab", { name: "Graph" })).toHaveAttribute("aria-selected", "true");
    const canvas = await box(page, '[data-testid="graph-canvas"]');
    expect(canvas.width).toBeGreaterThanOrEqual(380);
    expect(canvas.height).toBeGreaterThanOrEqual(450);

    // Two fingers spreading apart zoom in: the nodes move apart.
    const point = async (op: string) => (await (await page.waitForFunction((o) => window.__graphBench!.pointOf(o), op)).jsonValue())!;
    const distance = async () => {
      const [p, q] = [await point("a"), await point("b")];
      return Math.hypot(p.x - q.x, p.y - q.y);
    };
    const gap = await distance();
    const cdp = await page.context().newCDPSession(page);
    const cx = canvas.x + canvas.width / 2;
    const cy = canvas.y + canvas.height / 2;
    const fingers = (d: number) => [
      { x: cx - d, y: cy, id: 1 },
      { x: cx + d, y: cy, id: 2 },
    ];
    await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: fingers(30) });
    for (let d = 40; d <= 140; d += 10) await cdp.send("Input.dispatchTouchEvent", { type: "touchMove", touchPoints: fingers(d) });
    await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
    await expect.poll(distance).toBeGreaterThan(gap * 1.3);

    // A tap selects a node.
    const a = await point("a");
    await page.touchscreen.tap(a.x, a.y);
    await expect(page.getByTestId("inspector")).toContainText("a Const");

    await tabs.getByRole("tab", { name: "Output" }).tap();
    await expect(page.getByRole("log", { name: "Console" })).toContainText("7");
    await expect(page.getByRole("listbox", { name: "Runs" }).locator("[data-run]")).toHaveCount(1);
  });

  test("the lessons open in their own tab", async ({ page }) => {
    await openApp(page);
    await page.getByRole("button", { name: "Start the lessons" }).tap();
    const tabs = page.getByRole("tablist", { name: "Workspace" });
    await expect(tabs.getByRole("tab")).toHaveText(["Code", "Graph", "Output", "Lesson"]);
    await expect(tabs.getByRole("tab", { name: "Lesson" })).toHaveAttribute("aria-selected", "true");
    await expect(page.getByRole("region", { name: "Lesson" }).getByRole("heading", { level: 2 })).toBeVisible();
  });
});

test("crossing the narrow layout's breakpoint keeps the graph and the editor mounted: zoom, opened scopes and picture stay", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openApp(page);
  await page.evaluate(() => {
    const w = window as unknown as { __drawn: unknown[] };
    w.__drawn = [];
    window.addEventListener("playground:graph-drawn", (e) => w.__drawn.push((e as CustomEvent).detail));
  });
  const drawnCount = () => page.evaluate(() => (window as unknown as { __drawn: unknown[] }).__drawn.length);
  await setCode(page, [
    'const x = tf.placeholder(tf.float32, {shape: [null, 4], name: "x"});',
    "const h1 = tf.layers.dense(x, 8, {activation: tf.nn.relu});",
    "const logits = tf.layers.dense(h1, 3);",
    "const loss = tf.reduce_mean(tf.square(logits));",
    "const train_op = tf.train.GradientDescentOptimizer(0.1).minimize(loss);",
    "const sess = tf.Session();",
    "sess.run(tf.global_variables_initializer());",
    "sess.run(train_op, {feed_dict: {[x]: [[1, 2, 3, 4]]}});",
  ].join("\n"));
  expect(await runAndWait(page)).toBe("done");
  const status = page.getByTestId("graph-layout-status");
  await expect.poll(drawnCount).toBeGreaterThan(0);
  await expect(status).toHaveCount(0, { timeout: 30_000 });
  const folded = await page.locator(".gp-counts").textContent();
  let before = await drawnCount();
  await page.getByRole("button", { name: "Expand all", exact: true }).click();
  await expect.poll(drawnCount, { timeout: 30_000 }).toBeGreaterThan(before);
  await expect(status).toHaveCount(0, { timeout: 30_000 });
  const expanded = await page.locator(".gp-counts").textContent();
  expect(expanded).not.toBe(folded);
  await page.getByRole("button", { name: "Zoom in", exact: true }).click();
  await page.getByRole("button", { name: "Zoom in", exact: true }).click();
  const zoom = await page.evaluate(() => window.__graphBench!.zoom());
  // The same elements after the switch, not new ones: mark them.
  await page.evaluate(() => {
    for (const sel of ['[data-testid="graph-canvas"]', 'section[aria-label="Editor"]']) (document.querySelector(sel) as unknown as { __kept: boolean }).__kept = true;
  });
  const kept = () => page.evaluate(() => ['[data-testid="graph-canvas"]', 'section[aria-label="Editor"]'].map((sel) => (document.querySelector(sel) as unknown as { __kept?: boolean } | null)?.__kept === true));
  before = await drawnCount();

  await page.setViewportSize({ width: 820, height: 800 });
  const tabs = page.getByRole("tablist", { name: "Workspace" });
  await tabs.getByRole("tab", { name: "Graph" }).click();
  await expect(page.getByTestId("graph-canvas")).toBeVisible();
  expect(await kept()).toEqual([true, true]);
  await expect(page.locator(".gp-counts")).toHaveText(expanded!);
  expect(await page.evaluate(() => window.__graphBench!.zoom())).toBeCloseTo(zoom!, 5);

  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(tabs).toHaveCount(0);
  await expect(page.getByTestId("graph-canvas")).toBeVisible();
  expect(await kept()).toEqual([true, true]);
  await expect(page.locator(".gp-counts")).toHaveText(expanded!);
  expect(await page.evaluate(() => window.__graphBench!.zoom())).toBeCloseTo(zoom!, 5);
  // Nothing was laid out again.
  await expect(status).toHaveCount(0);
  expect(await drawnCount()).toBe(before);
});
