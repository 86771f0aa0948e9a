/** Checkpoints: saved by one program, kept by the page across a reload, restored by another; the Files tab. */
import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { consoleLines, openApp, runAndWait, setCode } from "./helpers";

const SAVE = [
  "const v1 = tf.get_variable('v1', {shape: [3], initializer: tf.zeros_initializer});",
  "const inc = v1.assign(v1 + 1);",
  "const saver = tf.train.Saver();",
  "const sess = tf.Session();",
  "sess.run(tf.global_variables_initializer());",
  "sess.run(inc);",
  "print('Model saved in path: ' + saver.save(sess, '/tmp/model.ckpt'));",
].join("\n");

const RESTORE = [
  "const v1 = tf.get_variable('v1', {shape: [3]});",
  "const saver = tf.train.Saver();",
  "const sess = tf.Session();",
  "saver.restore(sess, tf.train.latest_checkpoint('/tmp'));",
  "print('v1 :', sess.run(v1));",
].join("\n");

async function openFiles(page: Page) {
  await page.getByRole("tab", { name: "Files" }).click();
  return page.getByLabel("Files", { exact: true });
}

test("a checkpoint survives a reload: the next program restores it without an initializer", async ({ page }) => {
  test.setTimeout(120_000);
  await openApp(page);
  await setCode(page, SAVE);
  expect(await runAndWait(page)).toBe("done");
  expect(await consoleLines(page)).toEqual(["Model saved in path: /tmp/model.ckpt"]);
  const files = await openFiles(page);
  await expect(files.locator("tr[data-file]")).toHaveCount(2);
  await expect(files.locator('tr[data-file="/tmp/model.ckpt.npz"]')).toBeVisible();
  await expect(files.locator('tr[data-file="/tmp/checkpoint"]')).toBeVisible();

  await page.reload();
  await expect(page.getByTestId("editor")).toHaveAttribute("data-ready", "true", { timeout: 60_000 });
  await setCode(page, RESTORE);
  expect(await runAndWait(page)).toBe("done");
  expect(await consoleLines(page)).toEqual(["v1 : [1. 1. 1.]"]);
  // The session's memory says where its values came from.
  await page.getByRole("tab", { name: "Session memory" }).click();
  await expect(page.getByTestId("memory-restore")).toHaveText("Restored from /tmp/model.ckpt.npz by run #0");

  // Download hands over the file itself; Delete removes it, and a restore then fails in TF's words.
  const after = await openFiles(page);
  const [download] = await Promise.all([page.waitForEvent("download"), after.getByRole("button", { name: "Download /tmp/model.ckpt.npz" }).click()]);
  expect(download.suggestedFilename()).toBe("model.ckpt.npz");
  await after.getByRole("button", { name: "Delete /tmp/model.ckpt.npz" }).click();
  await expect(after.locator("tr[data-file]")).toHaveCount(1);
  await setCode(page, RESTORE.replace("tf.train.latest_checkpoint('/tmp')", "'/tmp/model.ckpt'"));
  expect(await runAndWait(page)).toBe("error");
  await expect(page.getByRole("log", { name: "Console" })).toContainText("ValueError: The passed save_path is not a valid checkpoint: /tmp/model.ckpt");
});

test("an uploaded .npz is a checkpoint a program restores from /uploads; anything else is refused, saying why", async ({ page }) => {
  test.setTimeout(120_000);
  await openApp(page);
  // A checkpoint of v1 = [1, 1, 1], downloaded by an earlier visit: saved here, then taken out as bytes.
  await setCode(page, SAVE);
  expect(await runAndWait(page)).toBe("done");
  const files = await openFiles(page);
  const [download] = await Promise.all([page.waitForEvent("download"), files.getByRole("button", { name: "Download /tmp/model.ckpt.npz" }).click()]);
  const path = await download.path();
  await files.getByRole("button", { name: "Delete /tmp/model.ckpt.npz" }).click();
  await files.getByRole("button", { name: "Delete /tmp/checkpoint" }).click();

  await files.getByTestId("files-upload").setInputFiles({ name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("hello") });
  await expect(files.getByRole("alert")).toHaveText(/notes\.txt is not a checkpoint/);
  await files.getByTestId("files-upload").setInputFiles({ name: "model.ckpt.npz", mimeType: "application/octet-stream", buffer: readFileSync(path) });
  await expect(files.getByRole("status")).toContainText("/uploads/");
  await setCode(page, RESTORE.replace("'/tmp'", "'/uploads'"));
  expect(await runAndWait(page)).toBe("done");
  expect(await consoleLines(page)).toEqual(["v1 : [1. 1. 1.]"]);
});
