import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadBuiltInLessons } from "./catalog";

describe("loadBuiltInLessons", () => {
  it("loads every lesson that ships, once, parsed without a problem", async () => {
    const files = readdirSync(new URL("../../../lessons/", import.meta.url)).filter((f) => /^\d+-[\w-]+\.md$/.test(f));
    const first = loadBuiltInLessons();
    expect(loadBuiltInLessons()).toBe(first);
    const set = await first;
    expect(set.errors.map((e) => e.message)).toEqual([]);
    expect(set.lessons.map((l) => l.file).sort()).toEqual(files.map((f) => `lessons/${f}`).sort());
  });
});
