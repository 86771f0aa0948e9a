import { describe, expect, it } from "vitest";
import { isTyping } from "./useShortcuts";

/** Just enough of an element for isTyping. */
function el(tag: string, opts: { type?: string; inEditor?: boolean; editable?: boolean } = {}): EventTarget {
  return { tagName: tag, type: opts.type ?? "", isContentEditable: opts.editable ?? false, closest: (s: string) => (s === ".monaco-editor" && opts.inEditor ? {} : null) } as unknown as EventTarget;
}

describe("isTyping", () => {
  it("is true in the editor, text fields, text areas, selects and editable content", () => {
    expect(isTyping(el("TEXTAREA", { inEditor: true }))).toBe(true);
    expect(isTyping(el("INPUT", { type: "number" }))).toBe(true);
    expect(isTyping(el("INPUT", { type: "search" }))).toBe(true);
    expect(isTyping(el("TEXTAREA"))).toBe(true);
    expect(isTyping(el("SELECT"))).toBe(true);
    expect(isTyping(el("DIV", { editable: true }))).toBe(true);
  });

  it("is false on buttons, sliders, checkboxes and the page itself", () => {
    expect(isTyping(el("BUTTON"))).toBe(false);
    expect(isTyping(el("INPUT", { type: "range" }))).toBe(false);
    expect(isTyping(el("INPUT", { type: "checkbox" }))).toBe(false);
    expect(isTyping(el("BODY"))).toBe(false);
    expect(isTyping(null)).toBe(false);
  });
});
