import { describe, expect, it } from "vitest";
import { NDArray } from "../ndarray.js";
import { float32 } from "../dtypes.js";
import { pyClassName, pyTypeName } from "./pytypes.js";

const array = () => new NDArray(float32, [1], Float32Array.of(1));

describe("pyTypeName and pyClassName", () => {
  it("name a Map and a {...} literal dict, whichever path asks", () => {
    for (const f of [pyTypeName, pyClassName]) {
      expect(f(new Map())).toBe("dict");
      expect(f({ a: 1 })).toBe("dict");
      expect(f([1])).toBe("list");
    }
  });

  it("name an NDArray as CPython's messages do (numpy.ndarray) and as type(x).__name__ does (ndarray)", () => {
    expect(pyTypeName(array())).toBe("numpy.ndarray");
    expect(pyClassName(array())).toBe("ndarray");
  });
});
