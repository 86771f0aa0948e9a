import { describe, expect, it } from "vitest";
import { dismissWelcome, shouldWelcome } from "./welcome";

function memoryStorage(): Storage {
  const m = new Map<string, string>();
  return {
    get length() {
      return m.size;
    },
    clear: () => m.clear(),
    getItem: (k) => m.get(k) ?? null,
    key: (i) => [...m.keys()][i] ?? null,
    removeItem: (k) => void m.delete(k),
    setItem: (k, v) => void m.set(k, String(v)),
  };
}

const fresh = { linked: false, embed: false, hadCode: false };

describe("shouldWelcome", () => {
  it("greets a first visit without a link", () => {
    expect(shouldWelcome(fresh, memoryStorage())).toBe(true);
  });

  it("does not greet a link, an embed, or someone who already has a program here", () => {
    const store = memoryStorage();
    expect(shouldWelcome({ ...fresh, linked: true }, store)).toBe(false);
    expect(shouldWelcome({ ...fresh, embed: true }, store)).toBe(false);
    expect(shouldWelcome({ ...fresh, hadCode: true }, store)).toBe(false);
  });

  it("never greets again once dismissed", () => {
    const store = memoryStorage();
    dismissWelcome(store);
    expect(shouldWelcome(fresh, store)).toBe(false);
  });

  it("does not greet when storage is unavailable (it could never be dismissed for good)", () => {
    expect(shouldWelcome(fresh, null)).toBe(false);
  });
});
