/** The keyboard in the editor: Tab indents, Esc then Tab leaves, and "Tab moves focus" switches it. */
import { expect, test, type Page } from "@playwright/test";
import { getCode, openApp, setCode } from "./helpers";

const inEditor = (page: Page) => page.evaluate(() => document.activeElement?.closest(".monaco-editor") !== null);

async function focusEditorEnd(page: Page) {
  await page.locator(".monaco-editor .view-line").last().click();
  await page.keyboard.press("Control+End");
  await expect.poll(() => inEditor(page)).toBe(true);
}

test("Tab indents in the editor; Esc then Tab leaves it, and Shift+Tab comes back", async ({ page }) => {
  await openApp(page);
  await expect(page.getByTestId("editor-key-hint")).toContainText("Esc then Tab leaves the editor");
  await setCode(page, "const a = 1;\n");
  await focusEditorEnd(page);
  await page.keyboard.press("Tab");
  expect(await getCode(page)).toBe("const a = 1;\n  ");
  expect(await inEditor(page)).toBe(true);

  await page.keyboard.press("Escape");
  await page.keyboard.press("Tab");
  expect(await inEditor(page)).toBe(false);
  expect(await getCode(page)).toBe("const a = 1;\n  ");

  // Back in, Tab indents again: the escape lasted one key.
  await page.keyboard.press("Shift+Tab");
  await expect.poll(() => inEditor(page)).toBe(true);
  await page.keyboard.press("Tab");
  expect(await getCode(page)).toBe("const a = 1;\n    ");
});

test("the toolbar's 'Tab moves focus' makes Tab leave the editor, and Ctrl+M switches it back", async ({ page }) => {
  await openApp(page);
  await setCode(page, "const a = 1;\n");
  const toggle = page.getByRole("button", { name: "Tab moves focus" });
  await expect(toggle).toHaveAttribute("aria-pressed", "false");
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByTestId("editor-key-hint")).toContainText("Tab moves focus");

  await focusEditorEnd(page);
  await page.keyboard.press("Tab");
  expect(await inEditor(page)).toBe(false);
  expect(await getCode(page)).toBe("const a = 1;\n");

  await focusEditorEnd(page);
  await page.keyboard.press("Control+m");
  await expect(toggle).toHaveAttribute("aria-pressed", "false");
  await page.keyboard.press("Tab");
  expect(await getCode(page)).toBe("const a = 1;\n  ");

  // The choice is remembered.
  await toggle.click();
  await page.reload();
  await expect(page.getByRole("button", { name: "Tab moves focus" })).toHaveAttribute("aria-pressed", "true");
});
