import { expect, test } from "@playwright/test";
import { consoleLines, consoleLog, getCode, openApp, runAndWait, setCode, status } from "./helpers";

test("runs a program and shows its output, runs and status", async ({ page }) => {
  await openApp(page);
  await expect(status(page)).toHaveText("idle");
  await setCode(page, 'const a = tf.constant(2.0);\nconst sess = tf.Session();\nprint(sess.run(a + 3));\nprint("done");\n');
  expect(await runAndWait(page)).toBe("done");
  // The fetched float32 prints as numpy prints one.
  expect(await consoleLines(page)).toEqual(["5.0", "done"]);
  const runs = page.getByRole("listbox", { name: "Runs" });
  await expect(runs.locator("[data-run]")).toHaveCount(1);
  await expect(runs.locator('[data-run="0"]')).toHaveAttribute("data-status", "ok");
});

test("a failed run is marked error and selected; clicking another run selects it", async ({ page }) => {
  await openApp(page);
  await setCode(
    page,
    [
      'const x = tf.placeholder(tf.float32, {name: "x"});',
      "const y = x * 2.0;",
      "const sess = tf.Session();",
      "print(sess.run(y, {feed_dict: {[x]: 1.0}}));",
      "sess.run(y);",
    ].join("\n"),
  );
  expect(await runAndWait(page)).toBe("error");
  const runs = page.getByRole("listbox", { name: "Runs" });
  await expect(runs.locator('[data-run="1"]')).toHaveAttribute("data-status", "error");
  await expect(runs.locator('[data-run="1"]')).toHaveAttribute("aria-selected", "true");
  await runs.locator('[data-run="0"]').click();
  await expect(runs.locator('[data-run="0"]')).toHaveAttribute("aria-selected", "true");
  await expect(consoleLog(page)).toContainText("You must feed a value for placeholder tensor");
});

test("Stop ends an endless loop; the page and the code survive and the next Run works", async ({ page }) => {
  await openApp(page);
  const code = "print('start');\nwhile (true) {}\n";
  await setCode(page, code);
  await page.getByRole("button", { name: "Run", exact: true }).click();
  await expect(status(page)).toHaveText("running");
  await expect(consoleLog(page)).toContainText("start");
  await page.getByRole("button", { name: "Stop" }).click();
  await expect(status(page)).toHaveText("stopped");
  expect(await getCode(page)).toBe(code);
  await setCode(page, "print('again');\n");
  expect(await runAndWait(page)).toBe("done");
  expect(await consoleLines(page)).toEqual(["again"]);
});

test("the time limit stops a program", async ({ page }) => {
  await openApp(page);
  await page.getByLabel("Time limit").fill("1");
  await setCode(page, "while (true) {}\n");
  expect(await runAndWait(page)).toBe("stopped");
  await expect(consoleLog(page)).toContainText("time limit");
});

test("the program cannot reach the network", async ({ page }) => {
  await openApp(page);
  await setCode(page, "try { fetch('https://example.com/'); } catch (e) { print(String(e)); }\ntry { new XMLHttpRequest(); } catch (e) { print(String(e)); }\ntry { (self as any).indexedDB; } catch (e) { print(String(e)); }\n");
  expect(await runAndWait(page)).toBe("done");
  const lines = await consoleLines(page);
  expect(lines).toHaveLength(3);
  for (const l of lines) expect(l).toContain("not available in the playground");
});
