/** Devices as a learner meets them: tf.device on the nodes, the placement log, the Devices colouring. */
import { expect, test } from "@playwright/test";
import { consoleLines, consoleLog, openApp, runAndWait, setCode } from "./helpers";

const PROGRAM = [
  "const a = tf.constant([[1.0, 2.0], [3.0, 4.0]], {name: 'a'});",
  "const b = tf.device('/cpu:0', () => tf.constant([[1.0], [1.0]], {name: 'b'}));",
  "const c = tf.device('/gpu:0', () => tf.matmul(a, b));",
  "const sess = tf.Session({config: tf.ConfigProto({log_device_placement: true})});",
  "print(sess.run(c));",
].join("\n");

test("placement is logged as TF logs it, the inspector names an op's device, and the graph colours by device on request", async ({ page }) => {
  await openApp(page);
  await setCode(page, PROGRAM);
  expect(await runAndWait(page)).toBe("done");
  const log = consoleLog(page);
  await expect(log).toContainText("MatMul: (MatMul): /job:localhost/replica:0/task:0/device:GPU:0");
  await expect(log).toContainText("b: (Const): /job:localhost/replica:0/task:0/device:CPU:0");
  expect(await consoleLines(page)).toEqual([
    "Device mapping:",
    "/job:localhost/replica:0/task:0/device:GPU:0 -> device: 0, name: Simulated GPU (computes on the CPU), pci bus id: 0000:00:00.0, compute capability: 0.0",
    "a: (Const): /job:localhost/replica:0/task:0/device:GPU:0",
    "b: (Const): /job:localhost/replica:0/task:0/device:CPU:0",
    "MatMul: (MatMul): /job:localhost/replica:0/task:0/device:GPU:0",
    "[[3.]",
    " [7.]]",
  ]);

  const devices = page.getByRole("button", { name: "Devices" });
  await devices.click();
  await expect(devices).toHaveAttribute("aria-pressed", "true");
  await page.getByRole("button", { name: "Legend" }).click();
  await expect(page.getByRole("group", { name: "Legend" }).getByRole("heading", { name: "Devices (fill)" })).toBeVisible();

  await page.getByRole("button", { name: "Text view" }).click();
  await page.locator('li[data-node="MatMul"] button').click();
  await expect(page.getByTestId("inspector")).toContainText("/device:GPU:0");
});
