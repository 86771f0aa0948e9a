import { describe, expect, it } from "vitest";
import { categoryOf } from "./classify";
import { assignNodes, computationPathNodes, regressionNodes } from "./fixtures";
import { opOfTensor, scopePrefixes } from "./names";
import { buildStructure } from "./structure";
import { op } from "./testing";

describe("opOfTensor", () => {
  it("strips the output index and the control marker", () => {
    expect(opOfTensor("add:0")).toBe("add");
    expect(opOfTensor("gradients/Fill:1")).toBe("gradients/Fill");
    expect(opOfTensor("^init")).toBe("init");
    expect(opOfTensor("init")).toBe("init");
  });
});

describe("scopePrefixes", () => {
  it("lists enclosing scopes outermost first", () => {
    expect(scopePrefixes("GradientDescent/update_m/ApplyGradientDescent")).toEqual(["GradientDescent", "GradientDescent/update_m"]);
    expect(scopePrefixes("add")).toEqual([]);
  });
});

describe("categoryOf", () => {
  it("tells constants, placeholders, variables, side-effect ops and ordinary ops apart", () => {
    expect(categoryOf(op("Const", "Const"))).toBe("constant");
    expect(categoryOf(op("Placeholder", "Placeholder"))).toBe("placeholder");
    expect(categoryOf(op("count", "VariableV2"))).toBe("variable");
    expect(categoryOf(op("Assign", "Assign"))).toBe("assign");
    expect(categoryOf(op("AssignAdd", "AssignAdd"))).toBe("assign");
    expect(categoryOf(op("Print", "Print"))).toBe("print");
    expect(categoryOf(op("GradientDescent/update_m/ApplyGradientDescent", "ApplyGradientDescent"))).toBe("update");
    expect(categoryOf(op("init", "NoOp"))).toBe("group");
    expect(categoryOf(op("add", "Add"))).toBe("op");
  });
});

describe("buildStructure", () => {
  it("folds a variable's Assign, read and Initializer ops into the variable", () => {
    const s = buildStructure(assignNodes());
    expect([...s.leaves.keys()]).toEqual(["count", "Const", "Assign"]);
    expect(s.leaves.get("count")!.members).toEqual(["count", "count/Initializer/Const", "count/Assign", "count/read"]);
    expect(s.ops.get("count/read")!.leaf).toBe("count");
    expect(s.groups.size).toBe(0);
  });

  it("folds slot variables into the variable they belong to", () => {
    const s = buildStructure([
      op("m", "VariableV2"),
      op("m/Adam", "VariableV2"),
      op("m/Adam/Assign", "Assign", { ref: ["m/Adam:0"] }),
      op("m/Adam_1", "VariableV2"),
    ]);
    expect([...s.leaves.keys()]).toEqual(["m"]);
    expect(s.leaves.get("m")!.members).toEqual(["m", "m/Adam", "m/Adam/Assign", "m/Adam_1"]);
  });

  it("keeps variables inside a user scope as leaves of that scope", () => {
    const s = buildStructure([op("layer/w", "VariableV2"), op("layer/w/read", "Identity", { inputs: ["layer/w:0"] }), op("layer/MatMul", "MatMul", { inputs: ["layer/w/read:0"] })]);
    expect([...s.leaves.keys()]).toEqual(["layer/w", "layer/MatMul"]);
    expect(s.groups.get("layer")).toEqual({ name: "layer", parent: null, role: "scope", defaultCollapsed: false, opCount: 3, order: 0 });
  });

  it("collapses gradients and optimizer scopes by default, not the learner's scopes", () => {
    const s = buildStructure([...regressionNodes(), op("layer/W", "VariableV2", { line: 12 }), op("layer/MatMul", "MatMul", { inputs: ["layer/W:0"], line: 12 })]);
    const roles = [...s.groups.values()].map((g) => [g.name, g.role, g.defaultCollapsed]);
    expect(roles).toEqual([
      ["gradients", "gradients", true],
      ["GradientDescent", "optimizer", true],
      ["layer", "scope", false],
    ]);
    expect(s.groups.get("gradients")!.opCount).toBe(6);
    expect(s.groups.get("GradientDescent")!.opCount).toBe(4);
  });

  it("draws no box around a single op: a scope holding one leaf dissolves, and then its parent if it holds one", () => {
    const s = buildStructure([
      op("Adam/update_dense/kernel/ApplyAdam", "ApplyAdam", { line: 7 }),
      op("Adam/update_dense/bias/ApplyAdam", "ApplyAdam", { line: 7 }),
      op("outer/inner/only", "Neg", { line: 8 }),
    ]);
    expect([...s.groups.keys()]).toEqual(["Adam", "Adam/update_dense"]);
    expect(s.leaves.get("Adam/update_dense/kernel/ApplyAdam")!.groups).toEqual(["Adam", "Adam/update_dense"]);
    expect(s.leaves.get("outer/inner/only")!.groups).toEqual([]);
  });

  it("treats a scope with an op of its own name as a composite op, collapsed", () => {
    const s = buildStructure([
      op("random_uniform/shape", "Const"),
      op("random_uniform/min", "Const"),
      op("random_uniform/max", "Const"),
      op("random_uniform/RandomUniform", "RandomUniform", { inputs: ["random_uniform/shape:0"] }),
      op("random_uniform/sub", "Sub", { inputs: ["random_uniform/max:0", "random_uniform/min:0"] }),
      op("random_uniform/mul", "Mul", { inputs: ["random_uniform/RandomUniform:0", "random_uniform/sub:0"] }),
      op("random_uniform", "Add", { inputs: ["random_uniform/mul:0", "random_uniform/min:0"] }),
    ]);
    expect(s.groups.get("random_uniform")!.role).toBe("composite");
    expect(s.groups.get("random_uniform")!.defaultCollapsed).toBe(true);
    expect(s.leaves.get("random_uniform")!.groups).toEqual(["random_uniform"]);
  });

  it("records data (with the tensor carried), control and reference edges; reference edges point from the writer to the variable", () => {
    const s = buildStructure([...assignNodes(), op("init", "NoOp", { control: ["count/Assign"] })]);
    expect(s.edges).toEqual([
      { src: "count/Initializer/Const", dst: "count/Assign", kind: "data", tensor: "count/Initializer/Const:0" },
      { src: "count/Assign", dst: "count", kind: "ref" },
      { src: "count", dst: "count/read", kind: "data", tensor: "count:0" },
      { src: "Const", dst: "Assign", kind: "data", tensor: "Const:0" },
      { src: "Assign", dst: "count", kind: "ref" },
      { src: "count/Assign", dst: "init", kind: "control" },
    ]);
  });

  it("skips inputs whose op is not in the graph yet", () => {
    const s = buildStructure([op("add", "Add", { inputs: ["missing:0"] })]);
    expect(s.edges).toEqual([]);
  });

  it("keeps creation order", () => {
    expect(buildStructure(computationPathNodes()).order).toEqual(["Placeholder", "Const", "add"]);
  });
});

describe("syntheticModel", () => {
  it("makes exactly the number of ops asked for, with every input defined before use", async () => {
    const { syntheticModel, syntheticFlat } = await import("./synthetic");
    for (const n of [100, 1000, 3000]) {
      for (const nodes of [syntheticModel(n), syntheticFlat(n)]) {
        expect(nodes.length).toBe(n);
        const seen = new Set<string>();
        for (const node of nodes) {
          for (const t of [...node.inputs, ...node.control_inputs, ...node.ref_inputs]) expect(seen.has(opOfTensor(t)) || !nodes.some((m) => m.name === opOfTensor(t))).toBe(true);
          seen.add(node.name);
        }
      }
    }
  });
});

describe("buildStructure on operator constants", () => {
  it("draws `mul` and its operand `mul/y` as two plain ops, not a scope", () => {
    const s = buildStructure([op("x", "Placeholder"), op("mul/y", "Const"), op("mul", "Mul", { inputs: ["x:0", "mul/y:0"] })]);
    expect(s.groups.size).toBe(0);
    expect([...s.leaves.values()].map((l) => [l.name, l.groups])).toEqual([
      ["x", []],
      ["mul/y", []],
      ["mul", []],
    ]);
  });
});
