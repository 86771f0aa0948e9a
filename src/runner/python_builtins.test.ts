import { describe, expect, it } from "vitest";
import { operatorRuntime, pyStr, pyRepr, NDArray, float32, int32, PyFloat, contextOf, createTF } from "../../engine";
import { MAX_RANGE_LENGTH, pythonBuiltins } from "./python_builtins";

// --- Factories ----------------------------------------------------------------------------

function builtins() {
  const tf = createTF();
  return { tf, ...pythonBuiltins({ py: operatorRuntime(contextOf(tf)) }) };
}

/** What Python's print would show for a built-in's result. */
function shown(x: unknown): string {
  return pyStr(x);
}

/** The error `f` throws, as `Name: message`. */
function errorText(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    return `${(e as Error).name}: ${(e as Error).message}`;
  }
  throw new Error("expected an error");
}

const b = builtins();

// --- Tests --------------------------------------------------------------------------------

describe("range", () => {
  it("counts like Python's range with one, two or three arguments", () => {
    expect(b.range(4)).toEqual([0, 1, 2, 3]);
    expect(b.range(2, 5)).toEqual([2, 3, 4]);
    expect(b.range(10, 0, -3)).toEqual([10, 7, 4, 1]);
    expect(b.range(3, 3)).toEqual([]);
    expect(b.range(5, 0)).toEqual([]);
  });

  it("refuses floats, a zero step and absurd lengths with Python's errors", () => {
    expect(errorText(() => b.range(2.5))).toBe("TypeError: 'float' object cannot be interpreted as an integer");
    expect(errorText(() => b.range(new PyFloat(2)))).toBe("TypeError: 'float' object cannot be interpreted as an integer");
    expect(errorText(() => b.range(0, 5, 0))).toBe("ValueError: range() arg 3 must not be zero");
    expect(errorText(() => b.range())).toBe("TypeError: range expected 1 argument, got 0");
    expect(errorText(() => b.range(MAX_RANGE_LENGTH + 1))).toBe(
      `MemoryError: range(...) would make a list of ${MAX_RANGE_LENGTH + 1} numbers; the playground makes lists of at most ${MAX_RANGE_LENGTH}`,
    );
  });
});

describe("len", () => {
  it("measures strings in characters, containers, dicts and numpy arrays along axis 0", () => {
    expect(b.len("héllo😀")).toBe(6);
    expect(b.len([1, 2, 3])).toBe(3);
    expect(b.len(new Map([[1, 2]]))).toBe(1);
    expect(b.len({ a: 1, b: 2 })).toBe(2);
    expect(b.len(new NDArray(int32, [2, 3], new Int32Array(6)))).toBe(2);
  });

  it("refuses tensors and numbers with TF's and Python's errors", () => {
    expect(errorText(() => b.len(b.tf.constant([1, 2])))).toBe(
      "TypeError: len is not well defined for symbolic Tensors. (Const:0) Please call `x.shape` rather than `len(x)` for shape information.",
    );
    expect(errorText(() => b.len(5))).toBe("TypeError: object of type 'int' has no len()");
  });
});

describe("str and repr", () => {
  it("are Python's str and repr", () => {
    expect(b.str("a")).toBe("a");
    expect(b.repr("a")).toBe("'a'");
    expect(b.str([1, "a", null])).toBe("[1, 'a', None]");
    expect(b.str()).toBe("");
  });
});

describe("int", () => {
  it("truncates numbers and parses integer strings", () => {
    expect(b.int(2.9)).toBe(2);
    expect(b.int(-2.9)).toBe(-2);
    expect(b.int(new PyFloat(3))).toBe(3);
    expect(b.int(" -12 ")).toBe(-12);
    expect(b.int("1_000")).toBe(1000);
    expect(b.int("ff", 16)).toBe(255);
    expect(b.int("0x1f", 0)).toBe(31);
    expect(b.int(true)).toBe(1);
    expect(b.int()).toBe(0);
  });

  it("refuses what Python refuses, with its words", () => {
    expect(errorText(() => b.int("1.5"))).toBe("ValueError: invalid literal for int() with base 10: '1.5'");
    expect(errorText(() => b.int(NaN))).toBe("ValueError: cannot convert float NaN to integer");
    expect(errorText(() => b.int(Infinity))).toBe("OverflowError: cannot convert float infinity to integer");
    expect(errorText(() => b.int(null))).toBe("TypeError: int() argument must be a string, a bytes-like object or a number, not 'NoneType'");
  });
});

describe("float", () => {
  it("gives floats that print as Python's floats", () => {
    expect(shown(b.float(2))).toBe("2.0");
    expect(shown(b.float("1e3"))).toBe("1000.0");
    expect(shown(b.float(" 0.25 "))).toBe("0.25");
    expect(shown(b.float("-inf"))).toBe("-inf");
    expect(shown(b.float("nan"))).toBe("nan");
    expect(shown(b.float())).toBe("0.0");
    expect(shown(b.float(new NDArray(float32, [1], new Float32Array([0.5]))))).toBe("0.5");
  });

  it("refuses a string that is not a number", () => {
    expect(errorText(() => b.float("abc"))).toBe("ValueError: could not convert string to float: 'abc'");
  });
});

describe("abs", () => {
  it("works on numbers, floats and numpy arrays", () => {
    expect(b.abs(-3)).toBe(3);
    expect(shown(b.abs(new PyFloat(-2)))).toBe("2.0");
    expect((b.abs(new NDArray(int32, [2], new Int32Array([-1, 2]))) as NDArray).toArray()).toEqual([1, 2]);
  });

  it("refuses a string", () => {
    expect(errorText(() => b.abs("x"))).toBe("TypeError: bad operand type for abs(): 'str'");
  });
});

describe("round", () => {
  it("rounds halves to even, as Python 3 does", () => {
    expect([0.5, 1.5, 2.5, 3.5, -0.5, -1.5, -2.5].map((x) => b.round(x))).toEqual([0, 2, 2, 4, 0, -2, -2]);
    expect(b.round(2.4999999999999996)).toBe(2);
    expect(b.round(7)).toBe(7);
  });

  it("rounds to ndigits from the exact binary value, as CPython does", () => {
    expect(shown(b.round(2.675, 2))).toBe("2.67");
    expect(shown(b.round(0.125, 2))).toBe("0.12");
    expect(shown(b.round(0.375, 2))).toBe("0.38");
    expect(shown(b.round(2.5, 0))).toBe("2.0");
    expect(shown(b.round(1234.5678, -2))).toBe("1200.0");
    expect(shown(b.round(-0.0001, 2))).toBe("-0.0");
    expect(b.round(1250, -2)).toBe(1200);
    expect(b.round(1350, -2)).toBe(1400);
  });

  it("rounds numpy arrays elementwise in their precision", () => {
    const a = new NDArray(float32, [3], new Float32Array([0.5, 1.5, 2.675]));
    expect(Array.from((b.round(a) as NDArray).data as Float32Array)).toEqual([0, 2, 3]);
    expect(Array.from((b.round(a, 2) as NDArray).data as Float32Array)).toEqual([0.5, 1.5, Math.fround(2.68)]);
  });

  it("refuses NaN, infinity and tensors with Python's errors", () => {
    expect(errorText(() => b.round(NaN))).toBe("ValueError: cannot convert float NaN to integer");
    expect(errorText(() => b.round(-Infinity))).toBe("OverflowError: cannot convert float infinity to integer");
    expect(errorText(() => b.round(b.tf.constant(1.5)))).toBe("TypeError: type Tensor doesn't define __round__ method");
  });
});

describe("zip and enumerate", () => {
  it("pair items up to the shortest input", () => {
    expect(b.zip([1, 2, 3], "ab")).toEqual([[1, "a"], [2, "b"]]);
    expect(b.zip()).toEqual([]);
    expect(b.enumerate(["a", "b"])).toEqual([[0, "a"], [1, "b"]]);
    expect(b.enumerate(["a"], 5)).toEqual([[5, "a"]]);
  });

  it("iterate numpy arrays along their first axis", () => {
    const rows = b.zip(new NDArray(int32, [2, 2], new Int32Array([1, 2, 3, 4])), [0, 1]);
    expect(rows.map(([row, i]) => [(row as NDArray).toArray(), i])).toEqual([[[1, 2], 0], [[3, 4], 1]]);
  });

  it("refuse what is not iterable", () => {
    expect(errorText(() => b.zip([1], 5))).toBe("TypeError: zip argument #2 must support iteration");
    expect(errorText(() => b.enumerate(b.tf.constant([1])))).toBe(
      "TypeError: Tensor objects are only iterable when eager execution is enabled. To iterate over this tensor use tf.map_fn.",
    );
  });
});

describe("sum", () => {
  it("adds left to right, giving a float when any item is a float", () => {
    expect(b.sum([1, 2, 3])).toBe(6);
    expect(shown(b.sum([1.5, 2.5]))).toBe("4.0");
    expect(b.sum([], 10)).toBe(10);
  });

  it("builds add ops for tensors, as Python's sum does", () => {
    const total = b.sum([b.tf.constant(1), b.tf.constant(2)]) as { name: string };
    expect(total.name).toBe("add_1:0");
    expect(pyRepr(b.tf.Session().run(total))).toBe("3");
  });

  it("refuses strings as Python does", () => {
    expect(errorText(() => b.sum(["a", "b"]))).toBe("TypeError: unsupported operand type(s) for +: 'int' and 'str'");
    expect(errorText(() => b.sum([], "x"))).toBe("TypeError: sum() can't sum strings [use ''.join(seq) instead]");
  });
});

describe("min and max", () => {
  it("take one iterable or several arguments, with key and default", () => {
    expect(b.min([3, 1, 2])).toBe(1);
    expect(b.max(3, 1, 2)).toBe(3);
    expect(b.max("abc")).toBe("c");
    expect(b.min(["bb", "a", "ccc"], { key: (s: unknown) => (s as string).length })).toBe("a");
    expect(b.max([], { default: 0 })).toBe(0);
  });

  it("keep the first of equal items", () => {
    const first = new PyFloat(1);
    expect(b.min(first, 1)).toBe(first);
    expect(b.max(first, 1)).toBe(first);
  });

  it("refuse empty sequences and mixed types with Python's errors", () => {
    expect(errorText(() => b.min([]))).toBe("ValueError: min() arg is an empty sequence");
    expect(errorText(() => b.max([1, "a"]))).toBe("TypeError: '<' not supported between instances of 'int' and 'str'");
  });
});

describe("numpy scalars (what sess.run returns for a 0-d number)", () => {
  const run = (t: unknown) => b.tf.Session().run(t as never);
  const f32 = (x: number) => run(b.tf.constant(new PyFloat(x), { dtype: b.tf.float32 }));
  const i32 = (x: number) => run(b.tf.constant(x, { dtype: b.tf.int32 }));

  it("convert with int and float as Python converts numpy's scalars", () => {
    expect(b.int(f32(2.75))).toBe(2);
    expect(shown(b.float(f32(0.1)))).toBe("0.10000000149011612");
    expect(shown(b.float(i32(3)))).toBe("3.0");
  });

  it("keep their dtype through abs and count a range when they are integers", () => {
    expect(shown(b.abs(f32(-2.5)))).toBe("2.5");
    expect(shown(b.abs(i32(-3)))).toBe("3");
    expect(b.range(i32(3))).toEqual([0, 1, 2]);
    expect(errorText(() => b.range(f32(3)))).toBe("TypeError: 'numpy.float32' object cannot be interpreted as an integer");
  });

  it("compare and sum as numbers, with numpy 1.x's promotion (a Python int is an int64)", () => {
    expect(shown(b.max(f32(0.5), f32(0.25)))).toBe("0.5");
    expect(shown(b.min([i32(4), 2, i32(3)]))).toBe("2");
    // 0 + float32 is a float64 in numpy 1.x (NEP 50 changed this in numpy 2).
    expect(shown(b.sum([f32(0.5), f32(0.25)]))).toBe("0.75");
  });
});
