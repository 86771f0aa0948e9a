import { describe, expect, it } from "vitest";
import type { NodeEvent } from "../runner/events";
import { dtypeIndex } from "./tensorDtype";
import { numberText } from "./valueText";

const node = (name: string, graph: number, dtype: string | null) => ({ name, graph, dtype }) as unknown as NodeEvent;

describe("dtypeIndex", () => {
  it("finds a tensor's dtype from its op's node, in the run's graph first", () => {
    const dtypeOf = dtypeIndex([node("loss", 0, "float32"), node("w", 0, "float32_ref"), node("loss", 1, "float64")]);
    expect(dtypeOf("loss:0")).toBe("float32");
    expect(dtypeOf("loss:0", 1)).toBe("float64");
    expect(dtypeOf("w")).toBe("float32_ref");
    expect(dtypeOf("missing:0")).toBeNull();
    expect(dtypeOf(undefined)).toBeNull();
  });

  it("extends the index of a shorter node list that a longer one begins with", () => {
    const first = [node("a", 0, "float32")];
    const before = dtypeIndex(first);
    const grown = dtypeIndex([...first, node("b", 0, "int32")]);
    expect(grown("b:0")).toBe("int32");
    expect(grown("a:0", 0)).toBe("float32");
    expect(before("a:0")).toBe("float32");
    // Another program's nodes start afresh.
    expect(dtypeIndex([node("b", 0, "bool")])("b:0")).toBe("bool");
    expect(dtypeIndex([node("c", 0, "bool")])("b:0")).toBeNull();
  });
});

describe("numberText", () => {
  it("prints a number as numpy prints a scalar of the dtype", () => {
    expect(numberText(7, "float32")).toBe("7.0");
    expect(numberText(7, "float32_ref")).toBe("7.0");
    expect(numberText(0.1 + 0.2, "float64")).toBe("0.30000000000000004");
    expect(numberText(3, "int32")).toBe("3");
    expect(numberText(1, "bool")).toBe("True");
    expect(numberText(5, null)).toBe("5");
  });
});
