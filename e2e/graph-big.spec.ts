/**
 * Big graphs stay readable: a loop's repetition folds into series, the outline still lists
 * every op, the learner can find a node, zoom and fit. Driven as a learner does.
 */
import { expect, test, type Page } from "@playwright/test";
import { openApp, runAndWait, setCode } from "./helpers";

/** The loop: 333 × (mul/y, mul, add) + x + Const = 1,001 ops. */
const LOOP = [
  'const x = tf.placeholder(tf.float32, {name: "x"});',
  "let acc = tf.constant(0.0);",
  "for (const i of range(333)) {",
  "  acc = acc + x * i;",
  "}",
  "const sess = tf.Session();",
  "print(sess.run(acc, {feed_dict: {[x]: 1.0}}));",
].join("\n");

function outline(page: Page) {
  return page.getByRole("list", { name: "Graph outline" });
}

interface Drawn {
  ops: number;
  drawn: number;
  layoutMs: number;
  drawMs: number;
}

/** Collects every `playground:graph-drawn` detail from now on. */
async function recordDrawn(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __drawn: unknown[] };
    w.__drawn = [];
    window.addEventListener("playground:graph-drawn", (e) => w.__drawn.push((e as CustomEvent).detail));
  });
}

function drawnEvents(page: Page): Promise<Drawn[]> {
  return page.evaluate(() => (window as unknown as { __drawn: Drawn[] }).__drawn);
}

async function runLoop(page: Page): Promise<void> {
  await openApp(page);
  await recordDrawn(page);
  await setCode(page, LOOP);
  expect(await runAndWait(page)).toBe("done");
  await expect(page.getByRole("log", { name: "Console" })).toContainText("55278");
}

test("a loop's 1,001 ops are drawn as a few series nodes, and the outline still lists every op", async ({ page }) => {
  await runLoop(page);
  // The picture: x, the acc constant, and the series (the mul/y constants are a chip).
  await expect.poll(async () => (await drawnEvents(page)).filter((d) => d.ops === 1001).length).toBeGreaterThan(0);
  const final = (await drawnEvents(page)).filter((d) => d.ops === 1001).pop()!;
  expect(final.drawn).toBeLessThanOrEqual(10);
  expect(Object.keys(final).sort()).toEqual(expect.arrayContaining(["drawMs", "drawn", "layoutMs", "ops"]));
  await expect(page.getByTestId("graph-canvas")).toBeVisible();

  // The outline: a series item with its count, lit (every member ran), holding all 333 adds.
  const series = outline(page).locator('li[data-series="333"][data-node="add_[*]"]');
  await expect(series).toHaveAttribute("data-state", "path fetched");
  await expect(series).toHaveAttribute("data-ran", "333");
  await expect(series.locator("li[data-node]")).toHaveCount(333);
  await expect(outline(page).locator("li[data-node]:not([data-series])")).toHaveCount(1001);
  await expect(outline(page).locator('li[data-node="add_200"]')).toHaveAttribute("data-state", "path");
  await expect(outline(page).locator('li[data-node="add_332"]')).toHaveAttribute("data-state", "path fetched");
  await expect(outline(page).locator('li[data-node="add_200"]')).toHaveAttribute("data-drawn-as", "add_[*]");
});

test("Find node opens the series an op is folded in and selects it; Collapse all folds it again", async ({ page }) => {
  await runLoop(page);
  await page.getByRole("searchbox", { name: "Find node" }).fill("add_200");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("inspector")).toContainText("add_200 Add");
  await expect(outline(page).locator('li[data-node="add_200"]')).toHaveAttribute("data-drawn-as", "add_200");
  await expect.poll(() => page.evaluate(() => window.__graphBench!.pointOf("add_200"))).not.toBeNull();

  await page.getByRole("button", { name: "Collapse all" }).click();
  await expect(outline(page).locator('li[data-node="add_200"]')).toHaveAttribute("data-drawn-as", "add_[*]");

  await page.getByRole("searchbox", { name: "Find node" }).fill("no such op");
  await page.keyboard.press("Enter");
  await expect(page.getByText("No node matches “no such op”.")).toBeVisible();
});

test("Zoom in and Zoom out change the zoom by a step; Fit frames the picture again", async ({ page }) => {
  await runLoop(page);
  await expect.poll(() => page.evaluate(() => window.__graphBench!.zoom())).not.toBeNull();
  const before = (await page.evaluate(() => window.__graphBench!.zoom()))!;
  await page.getByRole("button", { name: "Zoom out" }).click();
  const out = (await page.evaluate(() => window.__graphBench!.zoom()))!;
  expect(out / before).toBeCloseTo(0.8, 2);
  await page.getByRole("button", { name: "Zoom in" }).click();
  await page.getByRole("button", { name: "Zoom in" }).click();
  expect((await page.evaluate(() => window.__graphBench!.zoom()))! / before).toBeCloseTo(1.25, 2);
  // A wheel notch over the canvas zooms by the same step.
  const box = (await page.getByTestId("graph-canvas").boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const z0 = (await page.evaluate(() => window.__graphBench!.zoom()))!;
  await page.mouse.wheel(0, 100);
  await expect.poll(async () => (await page.evaluate(() => window.__graphBench!.zoom()))! / z0).toBeCloseTo(0.8, 2);
  await page.getByRole("button", { name: "Fit" }).click();
  await page.getByRole("button", { name: "Fit" }).click();
  expect(await page.evaluate(() => window.__graphBench!.zoom())).toBeCloseTo(before, 2);
});

test("a series is expanded by double-click, and shows more members on request", async ({ page }) => {
  await runLoop(page);
  const at = await page.waitForFunction(() => window.__graphBench!.pointOf("add_5"));
  const p = (await at.jsonValue())!;
  await page.mouse.dblclick(p.x, p.y);
  await expect(outline(page).locator('li[data-node="add_5"]')).toHaveAttribute("data-drawn-as", "add_5");
  // Members past the first page are drawn as one "… more" node.
  await expect(outline(page).locator('li[data-node="add_100"]')).toHaveAttribute("data-drawn-as", "add_[*]");
  const inspector = page.getByTestId("inspector");
  await expect(inspector).toContainText("add ×333 · line 4: 333 Add ops made by line 4. In this run 333 of them ran.");
  await inspector.getByRole("button", { name: /^Show \d+ more$/ }).click();
  await expect(outline(page).locator('li[data-node="add_60"]')).toHaveAttribute("data-drawn-as", "add_60");
  await expect(outline(page).locator('li[data-node="add_100"]')).toHaveAttribute("data-drawn-as", "add_[*]");
});

test("a loop stopped by the op cap is drawn whole and folded: all 100,000 ops reach the page", async ({ page }) => {
  test.setTimeout(180_000);
  await openApp(page);
  await setCode(page, ["let acc = tf.constant(0.0);", "for (const i of range(5000000)) {", "  acc = acc + 1.0;", "}"].join("\n"));
  expect(await runAndWait(page, 150_000)).toBe("error");
  await expect(page.getByRole("log", { name: "Console" })).toContainText("ResourceExhaustedError");
  // Every op the runner allowed is drawn: the adds a series, the constants a series beside it.
  await expect(page.locator(".gp-counts")).toHaveText("100,000 ops · 2 drawn", { timeout: 60_000 });
  await expect(outline(page).locator("li[data-series]")).toHaveCount(2);
  await expect(outline(page).locator('li[data-node="add_[*]"]')).toHaveAttribute("data-series", "49999");
  await expect(page.locator(".gp-outline-omitted")).toHaveCount(0);
});

test("resizing the window during and after a layout leaves no 'Laying out' status once the picture is drawn", async ({ page }) => {
  await openApp(page);
  await recordDrawn(page);
  // A 3-layer dense classifier: Expand all lays out some 80 nodes in ELK's worker.
  await setCode(page, [
    'const x = tf.placeholder(tf.float32, {shape: [null, 4], name: "x"});',
    "const h1 = tf.layers.dense(x, 16, {activation: tf.nn.relu});",
    "const h2 = tf.layers.dense(h1, 16, {activation: tf.nn.relu});",
    "const logits = tf.layers.dense(h2, 3);",
    "const loss = tf.reduce_mean(tf.square(logits));",
    "const train_op = tf.train.AdamOptimizer(0.01).minimize(loss);",
    "const sess = tf.Session();",
    "sess.run(tf.global_variables_initializer());",
    "sess.run(train_op, {feed_dict: {[x]: [[1, 2, 3, 4]]}});",
  ].join("\n"));
  expect(await runAndWait(page)).toBe("done");
  const status = page.getByTestId("graph-layout-status");
  await expect(status).toHaveCount(0, { timeout: 30_000 });
  const size = page.viewportSize()!;
  // During a layout: Expand all, then resize at once, across the phone layout's width and back.
  const before = (await drawnEvents(page)).length;
  await page.getByRole("button", { name: "Expand all", exact: true }).click();
  for (const width of [size.width - 200, 820, size.width - 100, size.width]) await page.setViewportSize({ width, height: size.height });
  await expect.poll(async () => (await drawnEvents(page)).length, { timeout: 30_000 }).toBeGreaterThan(before);
  await expect(status).toHaveCount(0, { timeout: 30_000 });
  // After it: resizing alone lays nothing out, and says nothing.
  for (const width of [size.width - 300, size.width]) {
    await page.setViewportSize({ width, height: size.height - 100 });
    await expect(status).toHaveCount(0);
  }
  await expect(page.getByTestId("graph-canvas")).toBeVisible();
});
