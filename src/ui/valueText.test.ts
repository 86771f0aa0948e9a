import { describe, expect, it } from "vitest";
import { valueText } from "./valueText";

describe("valueText", () => {
  it("prints scalars as numpy prints a fetched scalar of the tensor's dtype", () => {
    expect(valueText(1, "float32")).toBe("1.0");
    expect(valueText(Math.fround(0.1), "float32")).toBe("0.1");
    expect(valueText(3, "int32")).toBe("3");
    expect(valueText(2, "float32_ref")).toBe("2.0");
    expect(valueText(true, "bool")).toBe("True");
    expect(valueText("hi", "string")).toBe("b'hi'");
  });

  it("prints an array as its shape and its first elements in numpy's element format", () => {
    expect(valueText({ dtype: "float32", shape: [2, 3], head: [1, 2, 3, 4, 5, 6], size: 6 })).toBe("(2, 3) [1. 2. 3. 4. …]");
    expect(valueText({ dtype: "float32", shape: [3], head: [0.5, 1, 2], size: 3 })).toBe("(3,) [0.5 1.  2. ]");
    expect(valueText({ dtype: "int32", shape: [2], head: [1, 20], size: 2 })).toBe("(2,) [ 1 20]");
    expect(valueText({ dtype: "bool", shape: [2], head: [true, false], size: 2 })).toBe("(2,) [ True False]");
    expect(valueText({ dtype: "float32", shape: [0, 3], head: [], size: 0 })).toBe("(0, 3) []");
  });

  it("says when a value is missing or a variable holds none", () => {
    expect(valueText(undefined)).toBe("—");
    expect(valueText(null)).toBe("not initialized");
  });
});
