/** The app makes no request beyond its own origin, also while running a program. */
import { expect, test } from "@playwright/test";
import { openApp, runAndWait, setCode } from "./helpers";

test("no request leaves the app's origin", async ({ page, context, baseURL }) => {
  const requests: string[] = [];
  context.on("request", (r) => requests.push(r.url()));
  await openApp(page);
  await setCode(page, "const a = tf.constant(1.0);\nconst s = tf.Session();\nprint(s.run(a + 1.0));\ntry { fetch('https://example.com/x'); } catch (e) { print('blocked'); }\n");
  expect(await runAndWait(page)).toBe("done");
  // Hover docs and completions load the TypeScript worker too.
  await page.getByTestId("editor").click();
  await page.keyboard.press("End");
  const origin = new URL(baseURL!).origin;
  const foreign = requests.filter((u) => !u.startsWith(origin) && !u.startsWith("data:") && !u.startsWith("blob:"));
  expect(requests.length).toBeGreaterThan(0);
  expect(foreign).toEqual([]);
});
