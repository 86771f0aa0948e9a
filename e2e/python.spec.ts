/**
 * Python mode in the page: TF 1.x Python (the tutorial's own code) runs in a Pyodide worker
 * loaded from the app's own origin, with the same console, graph and errors as TypeScript.
 */
import { expect, test, type Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import lzString from "lz-string";
import { consoleLines, openApp, runAndWait, setCode, status } from "./helpers";

const tutorial = (name: string) => readFileSync(new URL(`../examples/tutorial_py/${name}.py`, import.meta.url), "utf8");

/** Chooses Python with the toolbar's switch. */
async function choosePython(page: Page): Promise<void> {
  await page.getByTestId("language").selectOption("python");
}

// Pyodide's first boot compiles CPython (9.6 MB of wasm): give it time on a busy machine.
test.setTimeout(180_000);

test("the tutorial's Python runs as pasted (print statements too), loading Python only from the app's origin", async ({ page, context, baseURL }) => {
  const requests: string[] = [];
  context.on("request", (r) => requests.push(r.url()));
  await openApp(page);
  const before = requests.length;
  expect(requests.some((u) => /pyodide|python/i.test(u))).toBe(false);
  await choosePython(page);
  await setCode(page, tutorial("07_run_a_list"));
  expect(await runAndWait(page, 150_000)).toBe("done");
  expect(await consoleLines(page)).toEqual(["[2, 5]"]);
  // The note shown while Python loaded is gone once it ran.
  await expect(page.getByText(/^Loading Python/)).toHaveCount(0);
  const origin = new URL(baseURL!).origin;
  const loaded = requests.slice(before);
  expect(loaded.some((u) => u.includes("pyodide.asm") && u.endsWith(".wasm"))).toBe(true);
  expect(requests.filter((u) => !u.startsWith(origin) && !u.startsWith("data:") && !u.startsWith("blob:"))).toEqual([]);
  // The graph pane's outline shows the nodes the Python program built.
  const outline = page.getByRole("list", { name: "Graph outline" });
  await expect(outline.locator('li[data-node="add"]')).toHaveAttribute("data-state", /path/);
  // The outline names the learner's Python variable, as for TypeScript.
  await expect(outline.locator('li[data-node="add"]')).toContainText("= sum_node");
});

test("an unfed placeholder ends the Python program with TF's error on the learner's line", async ({ page }) => {
  await openApp(page);
  await setCode(page, tutorial("08_placeholder_not_fed"));
  // Run at once after choosing Python: the program waits for Python's files to arrive.
  const run = await page.getByRole("button", { name: "Run", exact: true }).elementHandle();
  await page.evaluate((b) => {
    window.__playground!.setLanguage!("python");
    (b as HTMLButtonElement).click();
  }, run);
  await expect(status(page)).toHaveText(/^(done|error|stopped)$/, { timeout: 150_000 });
  expect(await status(page).textContent()).toBe("error");
  await expect(page.getByRole("log", { name: "Console" })).toContainText(
    "InvalidArgumentError: You must feed a value for placeholder tensor 'Placeholder' with dtype int32",
  );
  await expect(status(page)).toHaveText("error");
});

test("a Python program's language travels in its link (#py/), in the editor and across a reload", async ({ page }) => {
  const code = "import tensorflow as tf\nx = tf.constant(2.5)\nprint x\nwith tf.Session() as sess:\n    print(sess.run(x * 2))\n";
  await openApp(page, `/#py/${lzString.compressToEncodedURIComponent(code)}`);
  await expect(page.getByTestId("language")).toHaveValue("python");
  // Python text gets no TypeScript checking: no error marker on `print x` or `with ... as`.
  await page.waitForTimeout(1500);
  expect((await page.evaluate(() => window.__playground!.markers!())).filter((m) => m.severity === "error")).toEqual([]);
  // Monaco reads the text as Python (its Python tokenizer colours it).
  expect(await page.evaluate(() => window.__playground!.editorLanguage!())).toBe("python");
  expect(await runAndWait(page, 150_000)).toBe("done");
  expect(await consoleLines(page)).toEqual(['Tensor("Const:0", shape=(), dtype=float32)', "5.0"]);
  // The address follows the code and keeps the language; a reload keeps it too.
  await setCode(page, code.replace("2.5", "4.0"));
  await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/^#py\//);
  await page.evaluate(() => (location.hash = ""));
  await page.reload();
  await expect(page.getByTestId("language")).toHaveValue("python");
  expect(await page.evaluate(() => window.__playground!.state().editor.code)).toContain("tf.constant(4.0)");
});

test("choosing Python turns our starter program into its Python twin, and back", async ({ page }) => {
  await openApp(page);
  const before = await page.evaluate(() => window.__playground!.state().editor.code);
  await page.getByTestId("language").selectOption("python");
  await expect.poll(() => page.evaluate(() => window.__playground!.state().editor.code)).toContain("import tensorflow as tf");
  await page.getByTestId("language").selectOption("typescript");
  await expect.poll(() => page.evaluate(() => window.__playground!.state().editor.code)).toBe(before);
});

test("Python pasted into the TypeScript editor offers to switch, and switching keeps the pasted text", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await openApp(page);
  const pasted = tutorial("06_session_run");
  await page.evaluate((t) => navigator.clipboard.writeText(t), pasted);
  await page.locator(".monaco-editor .view-lines").click();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("ControlOrMeta+V");
  const banner = page.getByTestId("banner");
  await expect(banner).toContainText("This looks like Python");
  await banner.getByRole("button", { name: "Switch to Python" }).click();
  await expect(page.getByTestId("language")).toHaveValue("python");
  expect(await page.evaluate(() => window.__playground!.state().editor.code)).toBe(pasted);
  // TypeScript pasted into it raises no offer.
  await page.getByTestId("language").selectOption("typescript");
  await page.evaluate(() => navigator.clipboard.writeText('const a = tf.constant(1);\nprint(a);\n'));
  await page.locator(".monaco-editor .view-lines").click();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("ControlOrMeta+V");
  await expect(banner).toHaveCount(0);
});

test("in Python, tf. completes from the engine's API and hovering shows its documentation", async ({ page }) => {
  await openApp(page);
  await page.getByTestId("language").selectOption("python");
  await setCode(page, 'import tensorflow as tf\nx = tf.placeholder(tf.float32, name="x")\n');
  // The cursor inside `placeholder` (line 2), then the editor's "show hover" keys.
  await page.locator(".monaco-editor .view-lines").click();
  await page.keyboard.press("ControlOrMeta+Home");
  await page.keyboard.press("ArrowDown");
  for (let i = 0; i < 10; i++) await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ControlOrMeta+K");
  await page.keyboard.press("ControlOrMeta+I");
  await expect(page.locator(".monaco-hover").filter({ hasText: "A node whose value must be fed" }).first()).toBeVisible({ timeout: 30_000 });
  // Typing a chain offers the members of that namespace.
  await page.keyboard.press("Escape");
  await page.keyboard.press("ControlOrMeta+End");
  await page.keyboard.type("opt = tf.train.");
  await expect(page.locator(".suggest-widget").getByText("GradientDescentOptimizer", { exact: true })).toBeVisible({ timeout: 30_000 });
});

test("Stop ends a Python program stuck in a loop, keeping what it printed, and the next run works", async ({ page }) => {
  await openApp(page);
  await page.getByTestId("language").selectOption("python");
  await setCode(page, "import tensorflow as tf\nprint('before the loop')\ni = 0\nwhile True:\n    i += 1\n");
  await page.getByRole("button", { name: "Run", exact: true }).click();
  await expect(page.getByRole("log", { name: "Console" })).toContainText("before the loop", { timeout: 150_000 });
  await page.getByRole("button", { name: "Stop", exact: true }).click();
  await expect(status(page)).toHaveText("stopped");
  await setCode(page, "import tensorflow as tf\nprint(tf.constant(3) * 2)\n");
  expect(await runAndWait(page, 150_000)).toBe("done");
  expect(await consoleLines(page)).toEqual(['Tensor("mul:0", shape=(), dtype=int32)']);
});
