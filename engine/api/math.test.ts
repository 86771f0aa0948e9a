import { describe, expect, it } from "vitest";
import { evalSetup } from "../testing/session.js";
import type { Tensor } from "../graph.js";

function setup() {
  const base = evalSetup();
  const names = (from = 0) =>
    base.tf
      .get_default_graph()
      .get_operations()
      .slice(from)
      .map((o) => `${o.name}:${o.type}`);
  return { ...base, names };
}

describe("builders' node names", () => {
  it("converts plain operands inside the op's scope", () => {
    const { tf, names } = setup();
    tf.add(tf.constant(1), 2);
    tf.pow(tf.constant(2), 3);
    tf.floordiv(tf.constant(7), 2);
    expect(names()).toEqual(["Const:Const", "Add/y:Const", "Add:Add", "Const_1:Const", "Pow/y:Const", "Pow:Pow", "Const_2:Const", "floordiv/y:Const", "floordiv:FloorDiv"]);
  });

  it("composes logical_xor as TF does: (x OR y) AND NOT (x AND y)", () => {
    const { tf, names, run } = setup();
    const a = tf.constant([true, true, false]);
    const b = tf.constant([true, false, false]);
    const x = tf.logical_xor(a, b);
    expect(names(2)).toEqual(["LogicalOr:LogicalOr", "LogicalAnd:LogicalAnd", "LogicalNot:LogicalNot", "LogicalXor:LogicalAnd"]);
    expect(run(x)).toEqual([false, true, false]);
  });

  it("names the operator forms after Python's operators (`mod`, `xor`)", () => {
    const { tf, py } = setup();
    const r = py.mod(tf.constant(-7), 3) as Tensor;
    expect(r.name).toBe("mod:0");
    expect(r.op.type).toBe("FloorMod");
    const x = py.xor(tf.constant(true), tf.constant(false)) as Tensor;
    expect(x.name).toBe("xor:0");
    expect(x.op.inputs.map((t) => t.op.name)).toEqual(["xor/LogicalOr", "xor/LogicalNot"]);
  });

  it("returns a single add_n input itself, or an Identity when named", () => {
    const { tf } = setup();
    const a = tf.constant([1.5]);
    expect(tf.add_n([a])).toBe(a);
    expect(tf.add_n([a], "total").op.type).toBe("Identity");
    expect(() => tf.add_n([])).toThrow("inputs must be a list of at least one Tensor/IndexedSlices with the same dtype and shape");
  });

  it("builds Python 2 division for tf.div: FloorDiv for ints, RealDiv for floats", () => {
    const { tf, run } = setup();
    const q = tf.div(tf.constant(-7), 2);
    expect(q.name).toBe("div:0");
    expect(q.op.type).toBe("FloorDiv");
    expect(run(q)).toBe(-4);
    expect(tf.div(tf.constant(7.5), 2.5).op.type).toBe("RealDiv");
  });

  it("puts tf.scalar_mul's scalar first in a Mul", () => {
    const { tf, run } = setup();
    const m = tf.scalar_mul(2, tf.constant([1.5, 2.5]));
    expect(m.op.inputs[0].name).toBe("scalar:0");
    expect(run(m)).toEqual([3, 5]);
  });
});

describe("tf.math", () => {
  it("holds the same functions under TF 1.14's tf.math names", () => {
    const { tf, run } = setup();
    expect(tf.math.reduce_sum).toBe(tf.reduce_sum);
    expect(run(tf.math.floormod(tf.constant(-7), 3))).toBe(2);
  });
});

describe("comparisons", () => {
  it("compares strings and bools for equality with broadcasting", () => {
    const { tf, run } = setup();
    expect(run(tf.equal(tf.constant(["a", "b"]), "b"))).toEqual([false, true]);
    expect(run(tf.not_equal(tf.constant([true, false]), tf.constant(true)))).toEqual([false, true]);
  });

  it("orders numbers only, with TF's realnumbertype list", () => {
    const { tf } = setup();
    expect(() => tf.less(tf.constant(["a"]), "b")).toThrow(
      "Value passed to parameter 'x' has DataType string not in list of allowed values: float32, float64, int32, uint8, int16, int8, int64, bfloat16, uint16, float16, uint32, uint64",
    );
  });
});

describe("argmax and argmin", () => {
  it("accept TF 1.x's dimension alias but not both names", () => {
    const { tf, run } = setup();
    const x = tf.constant([
      [1, 9],
      [8, 2],
    ]);
    expect(run(tf.argmax(x, { dimension: 1 }))).toEqual([1, 0]);
    expect(() => tf.argmax(x, { axis: 0, dimension: 1 })).toThrow("Cannot specify both 'dimension' and 'axis'");
  });

  it("produce int64 indices unless output_type says int32, as TF's default", () => {
    const { tf } = setup();
    expect(String(tf.argmax(tf.constant([1, 2])).dtype)).toBe("<dtype: 'int64'>");
    expect(String(tf.argmin(tf.constant([1, 2]), 0)).toString()).toBe('Tensor("ArgMin:0", shape=(), dtype=int64)');
    expect(String(tf.argmax(tf.constant([1, 2]), { output_type: tf.int32 }).dtype)).toBe("<dtype: 'int32'>");
    expect(() => tf.argmax(tf.constant([1, 2]), { output_type: tf.float32 })).toThrow(
      "Value passed to parameter 'output_type' has DataType float32 not in list of allowed values: int32, int64",
    );
  });
});

describe("matmul", () => {
  it("uses BatchMatMul when an operand's rank is unknown or above 2", () => {
    const { tf } = setup();
    const x = tf.placeholder(tf.float32);
    expect(tf.matmul(x, tf.constant([[1.5]])).op.type).toBe("BatchMatMul");
  });
});
