import { describe, expect, it } from "vitest";
import { createTF, NDArray, float32, PyFloat } from "../../engine";
import { formatConsoleArgs, inspectValue } from "./console_format";

describe("formatConsoleArgs", () => {
  it("joins arguments with spaces, strings bare and other values inspected", () => {
    expect(formatConsoleArgs(["step", 3, "loss", 0.25, true, null, undefined])).toBe("step 3 loss 0.25 true null undefined");
    expect(formatConsoleArgs([])).toBe("");
  });

  it("substitutes %s %d %i %f %j %o and %% in a leading string, keeping extra arguments", () => {
    expect(formatConsoleArgs(["%s has %d items (%i%%)", "list", 3, 42.9, "extra"])).toBe("list has 3 items (42%) extra");
    expect(formatConsoleArgs(["%j %o", { a: 1 }, [1]])).toBe('{"a":1} [ 1 ]');
    expect(formatConsoleArgs(["%d and %d", 1])).toBe("1 and %d");
  });

  it("prints tensors, variables and arrays as TF and numpy do", () => {
    const tf = createTF();
    const v = tf.Variable(1.5, { name: "w" });
    expect(formatConsoleArgs([tf.constant(2), v])).toBe('Tensor("Const:0", shape=(), dtype=int32) <tf.Variable \'w:0\' shape=() dtype=float32_ref>');
    expect(formatConsoleArgs([new NDArray(float32, [2], new Float32Array([1, 2.5]))])).toBe("[1.  2.5]");
    expect(formatConsoleArgs([{ t: tf.constant(3) }])).toBe("{ t: Tensor(\"Const_1:0\", shape=(), dtype=int32) }");
  });
});

describe("inspectValue", () => {
  it("shows containers on one line as Node does", () => {
    expect(inspectValue([1, "a", [2, [3, [4]]]])).toBe("[ 1, 'a', [ 2, [ 3, [Array] ] ] ]");
    expect(inspectValue({ a: 1, "b-c": "it's" })).toBe(`{ a: 1, 'b-c': "it's" }`);
    expect(inspectValue(new Map([["k", 1]]))).toBe("Map(1) { 'k' => 1 }");
    expect(inspectValue(new Set([1, 2]))).toBe("Set(2) { 1, 2 }");
    expect(inspectValue(new Float32Array([1, 2]))).toBe("Float32Array(2) [ 1, 2 ]");
    expect(inspectValue([])).toBe("[]");
    expect(inspectValue({})).toBe("{}");
  });

  it("names functions, classes and instances, and marks cycles", () => {
    class Point {
      x = 1;
    }
    const cyclic: Record<string, unknown> = { name: "c" };
    cyclic.self = cyclic;
    expect(inspectValue(function step() {})).toBe("[Function: step]");
    expect(inspectValue(Point)).toBe("[class Point]");
    expect(inspectValue(new Point())).toBe("Point { x: 1 }");
    expect(inspectValue(cyclic)).toBe("{ name: 'c', self: [Circular] }");
  });

  it("shows errors as name and message, floats as numbers, -0 as -0", () => {
    expect(inspectValue(new RangeError("bad"))).toBe("RangeError: bad");
    expect(inspectValue(new PyFloat(2))).toBe("2");
    expect(inspectValue(-0)).toBe("-0");
    expect(inspectValue(10n)).toBe("10n");
  });

  it("shortens long arrays after 100 items", () => {
    const text = inspectValue(Array.from({ length: 102 }, (_, i) => i));
    expect(text.endsWith("98, 99, ... 2 more items ]")).toBe(true);
  });
});
