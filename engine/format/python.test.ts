import { describe, it, expect } from "vitest";
import { float32, int32 } from "../dtypes.js";
import { KeyError, PyTypeError, ValueError } from "../errors.js";
import { NDArray } from "../ndarray.js";
import { PyFloat } from "../pyfloat.js";
import { NpFloat32 } from "../numpy/scalar.js";
import { TensorShape } from "../shape.js";
import { pyNumberRepr, pyPercentFormat, pyPrintLine, pyRepr, pyStr, pyStringRepr, pyTypeName } from "./python.js";

const f32 = Math.fround;

function vector(values: number[]): NDArray {
  const a = NDArray.zeros(float32, [values.length]);
  (a.data as Float32Array).set(values);
  return a;
}

class WithDunders {
  __str__() {
    return "str-text";
  }
  __repr__() {
    return "Repr<x>";
  }
}

class OnlyRepr {
  __repr__() {
    return "<tf.Tensor 'a:0'>";
  }
}

class Plain {}

describe("pyStr", () => {
  it("prints strings bare and None, True, False for JS's null, undefined and booleans", () => {
    expect(pyStr("hi")).toBe("hi");
    expect(pyStr(null)).toBe("None");
    expect(pyStr(undefined)).toBe("None");
    expect(pyStr(true)).toBe("True");
    expect(pyStr(false)).toBe("False");
  });

  it("prints integral numbers as ints, other numbers as Python floats and numpy scalars as numpy does", () => {
    expect(pyStr(2)).toBe("2");
    // A plain number is a Python float (numpy's float32(2.3205383).item() prints its float64 digits);
    // a float32 fetched from a session is a numpy float32 and prints float32's shortest digits.
    expect(pyStr(f32(2.3205383))).toBe("2.320538282394409");
    expect(pyStr(new NpFloat32(f32(2.3205383)))).toBe("2.3205383");
    expect(pyStr(0.1)).toBe("0.1");
    expect(pyStr(new PyFloat(2))).toBe("2.0");
    expect(pyStr(12345678901234567890n)).toBe("12345678901234567890");
  });

  it("prints an NDArray with numpy's str", () => {
    expect(pyStr(vector([3, 7]))).toBe("[3. 7.]");
  });

  it("uses __str__, then a custom toString, then repr", () => {
    expect(pyStr(new WithDunders())).toBe("str-text");
    expect(pyStr(new TensorShape([null, 3]))).toBe("(?, 3)");
    expect(pyStr(new OnlyRepr())).toBe("<tf.Tensor 'a:0'>");
    expect(pyStr(new Plain())).toBe("<Plain object>");
  });

  it("prints an error as its message", () => {
    expect(pyStr(new ValueError("bad value"))).toBe("bad value");
  });

  it("prints containers with repr'd elements, quoting strings inside them", () => {
    expect(pyStr(["a", 1, f32(0.5)])).toBe("['a', 1, 0.5]");
    expect(pyStr({ ab: [3, 4], total: 7 })).toBe("{'ab': [3, 4], 'total': 7}");
  });
});

describe("pyRepr", () => {
  it("quotes strings as Python does (expectations from python3)", () => {
    expect(pyRepr("abc")).toBe("'abc'");
    expect(pyRepr(["it's", 'say "hi"', "both ' \"", "tab\t\\", "\u0001é\u2028😀"])).toBe(
      `["it's", 'say "hi"', 'both \\' "', 'tab\\t\\\\', '\\x01é\\u2028😀']`,
    );
  });

  it("prints numbers like Python: -0.0, nan, inf and big ints in full", () => {
    expect(pyRepr([-0, NaN, Infinity, -Infinity, 1e21])).toBe("[-0.0, nan, inf, -inf, 1000000000000000000000]");
  });

  it("prints dicts, Maps, Sets and typed arrays as Python containers", () => {
    expect(pyRepr({})).toBe("{}");
    expect(pyRepr(Object.assign(Object.create(null), { k: null }))).toBe("{'k': None}");
    expect(pyRepr(new Map<unknown, unknown>([[1, "x"], ["y", [true]]]))).toBe("{1: 'x', 'y': [True]}");
    expect(pyRepr(new Set([1, 2]))).toBe("{1, 2}");
    expect(pyRepr(new Set())).toBe("set()");
    expect(pyRepr(new Int32Array([1, -2]))).toBe("[1, -2]");
    expect(pyRepr(new Float32Array([2, 0.1]))).toBe("[2.0, 0.1]");
    expect(pyRepr(new Float64Array([0.1 + 0.2]))).toBe("[0.30000000000000004]");
  });

  it("prints an NDArray inside a container with numpy's repr", () => {
    expect(pyRepr([vector([3, 7])])).toBe("[array([3., 7.], dtype=float32)]");
    expect(pyRepr({ w: vector([1]) })).toBe("{'w': array([1.], dtype=float32)}");
  });

  it("prints cycles as [...] and {...}", () => {
    const list: unknown[] = [1];
    list.push(list);
    expect(pyRepr(list)).toBe("[1, [...]]");
    const dict: Record<string, unknown> = { a: 1 };
    dict.self = dict;
    expect(pyRepr(dict)).toBe("{'a': 1, 'self': {...}}");
    const shared = [0];
    expect(pyRepr([shared, shared])).toBe("[[0], [0]]");
  });

  it("uses __repr__, then a custom toString, then <ClassName object>", () => {
    expect(pyRepr(new WithDunders())).toBe("Repr<x>");
    expect(pyRepr(new TensorShape([null, 3]))).toBe("TensorShape([Dimension(None), Dimension(3)])");
    expect(pyRepr(new Plain())).toBe("<Plain object>");
  });

  it("prints errors as constructor calls and functions without an address", () => {
    expect(pyRepr(new ValueError("it's"))).toBe(`ValueError("it's")`);
    expect(pyRepr(new KeyError("k"))).toBe("KeyError('k')");
    expect(pyRepr(function train() {})).toBe("<function train>");
    expect(pyRepr(Plain)).toBe("<class 'Plain'>");
  });
});

describe("pyPrintLine", () => {
  it("joins the str of each argument with spaces", () => {
    expect(pyPrintLine(["loss:", new NpFloat32(f32(0.5792742)), "step", 3])).toBe("loss: 0.5792742 step 3");
    expect(pyPrintLine([vector([1, 2]), "x"])).toBe("[1. 2.] x");
    expect(pyPrintLine([])).toBe("");
  });
});

describe("pyNumberRepr", () => {
  it("prints non-integers with float64's shortest digits, as Python prints a float", () => {
    expect(pyNumberRepr(f32(0.1))).toBe("0.10000000149011612");
    expect(pyNumberRepr(0.1)).toBe("0.1");
    expect(pyNumberRepr(5.684342e-14)).toBe("5.684342e-14");
    expect(pyNumberRepr(1 / 3)).toBe("0.3333333333333333");
    expect(pyNumberRepr(-3)).toBe("-3");
    expect(pyNumberRepr(2 ** 70)).toBe("1180591620717411303424");
  });
});

describe("pyStringRepr", () => {
  it("escapes what Python deems unprintable (expectations from python3)", () => {
    expect(pyStringRepr("a\u0000b\u007f\u0080\u00ad\u200b\ufeff")).toBe("'a\\x00b\\x7f\\x80\\xad\\u200b\\ufeff'");
    expect(pyStringRepr("\ud800")).toBe("'\\ud800'");
  });

  it("escapes every non-ASCII character in ascii mode", () => {
    expect(pyStringRepr("a€😀", true)).toBe("'a\\u20ac\\U0001f600'");
  });
});

describe("pyTypeName", () => {
  it("names JS values by the Python types they stand for", () => {
    expect(pyTypeName("s")).toBe("str");
    expect(pyTypeName(null)).toBe("NoneType");
    expect(pyTypeName(1)).toBe("int");
    expect(pyTypeName(1.5)).toBe("float");
    expect(pyTypeName(new PyFloat(1))).toBe("float");
    expect(pyTypeName(true)).toBe("bool");
    expect(pyTypeName([1])).toBe("list");
    expect(pyTypeName({})).toBe("dict");
    expect(pyTypeName(vector([1]))).toBe("numpy.ndarray");
    expect(pyTypeName(new Plain())).toBe("Plain");
  });
});

/**
 * Expectations printed by `python3 -c "print(repr(FMT % ARGS))"` for the equivalent Python operands:
 * a JS array is a tuple, an integral number or bigint an int, a PyFloat or other number a float,
 * a plain object or Map a dict.
 */
describe("pyPercentFormat", () => {
  const cases: [string, unknown, string][] = [
    ["%d", 5, "5"],
    ["%5d", 5, "    5"],
    ["%-5d|", 5, "5    |"],
    ["%05d", -5, "-0005"],
    ["%+d", 5, "+5"],
    ["% d", 5, " 5"],
    ["%.3d", 5, "005"],
    ["%+.3d", 5, "+005"],
    ["%08.3d", 5, "00000005"],
    ["%x", 255, "ff"],
    ["%#x", 255, "0xff"],
    ["%#X", 255, "0XFF"],
    ["%#o", 8, "0o10"],
    ["%o", -8, "-10"],
    ["%#08x", 255, "0x0000ff"],
    ["%x", -255, "-ff"],
    ["%#5x", 42, " 0x2a"],
    ["%#-8o|", 42, "0o52    |"],
    ["%#.3x", 5, "0x005"],
    ["%x", true, "1"],
    ["%d", 2.7, "2"],
    ["%d", -2.7, "-2"],
    ["%d", -0.5, "0"],
    ["%d", true, "1"],
    ["%i", 3, "3"],
    ["%u", 3, "3"],
    ["%ld", 5, "5"],
    ["%d", 1e20, "100000000000000000000"],
    ["%d", 10n ** 30n, "1000000000000000000000000000000"],
    ["%-+5d|", 3, "+3   |"],
    ["% 05d", 3, " 0003"],
    ["%+05d", -3, "-0003"],
    ["%f", 1.5, "1.500000"],
    ["%.2f", 2.675, "2.67"],
    ["%.0f", 2.5, "2"],
    ["%.0f", 3.5, "4"],
    ["%.1f", 0.35, "0.3"],
    ["%e", 12345.678, "1.234568e+04"],
    ["%E", 0.000123, "1.230000E-04"],
    ["%g", 0.0001, "0.0001"],
    ["%g", 1e-5, "1e-05"],
    ["%g", 123456789, "1.23457e+08"],
    ["%G", 1e-10, "1E-10"],
    ["%#g", 1, "1.00000"],
    ["%#.0e", 12345, "1.e+04"],
    ["%#.0f", 3, "3."],
    ["%10.4g|", 3.14159, "     3.142|"],
    ["%-10.4e|", 3.14159, "3.1416e+00|"],
    ["%010.3g", 1e10, "000001e+10"],
    ["%010.2f", -3.14159, "-000003.14"],
    ["%+010.2f", 3.14159, "+000003.14"],
    ["%010f", Infinity, "0000000inf"],
    ["%f", NaN, "nan"],
    ["%F", Infinity, "INF"],
    ["%F", NaN, "NAN"],
    ["%-10f|", -Infinity, "-inf      |"],
    ["%+f", Infinity, "+inf"],
    ["%F", true, "1.000000"],
    ["%f", new PyFloat(2), "2.000000"],
    ["%s", "abc", "abc"],
    ["%10s|", "abc", "       abc|"],
    ["%-10s|", "abc", "abc       |"],
    ["%05s|", "ab", "   ab|"],
    ["%.2s", "abc", "ab"],
    ["%5.1s|", "abc", "    a|"],
    ["%.0s|", "abc", "|"],
    ["%-5s|", "é", "é    |"],
    ["%r", "abc", "'abc'"],
    ["%a", "é", "'\\xe9'"],
    ["%r", "é", "'é'"],
    ["%s", null, "None"],
    ["%s", true, "True"],
    ["%s", [[1, "a"]], "[1, 'a']"],
    ["%.3s", [[1, 2]], "[1,"],
    ["%s", 1e21, "1000000000000000000000"],
    ["%s", new PyFloat(1e16), "1e+16"],
    ["%c", 65, "A"],
    ["%c", "x", "x"],
    ["%5c|", 65, "    A|"],
    ["%05c|", 65, "    A|"],
    ["%c", 0x1f600, "😀"],
    ["%s %s", [1, 2], "1 2"],
    ["%(a)s", { a: 1 }, "1"],
    ["%(a)d-%(b)05.1f", { a: 1, b: 2.25 }, "1-002.2"],
    ["%(a)s %(a)r", { a: "x" }, "x 'x'"],
    ["%(a)s %%", { a: 1 }, "1 %"],
    ["%s %(a)s", { a: 1 }, "{'a': 1} 1"],
    ["%(a)s", new Map([["a", 2]]), "2"],
    ["%s", { a: 1 }, "{'a': 1}"],
    ["%s", {}, "{}"],
    ["abc", { a: 1 }, "abc"],
    ["100%%", [], "100%"],
    ["%d%%", 5, "5%"],
    ["%*d", [5, 3], "    3"],
    ["%-*d|", [5, 3], "3    |"],
    ["%*d|", [-5, 3], "3    |"],
    ["%.*f", [2, 3.14159], "3.14"],
    ["%.*f", [-2, 3.14159], "3"],
    ["", [], ""],
  ];
  it.each(cases)("formats %j with %s as Python does", (fmt, args, expected) => {
    expect(pyPercentFormat(fmt, args)).toBe(expected);
  });

  it("formats size-1 NDArrays as numbers, as numpy's __int__ / __float__ allow", () => {
    expect(pyPercentFormat("%.2f", vector([f32(0.5)]))).toBe("0.50");
    const scalar = NDArray.zeros(int32, []);
    (scalar.data as Int32Array)[0] = 255;
    expect(pyPercentFormat("%x", scalar)).toBe("ff");
  });

  const errors: [string, unknown, string, string][] = [
    // Python 3.5–3.9 wording; 3.10+ says "a real number is required".
    ["%d", "x", "TypeError", "%d format: a number is required, not str"],
    ["%d", null, "TypeError", "%d format: a number is required, not NoneType"],
    ["%i", "3", "TypeError", "%i format: a number is required, not str"],
    ["%u", [[1]], "TypeError", "%u format: a number is required, not list"],
    ["%x", 2.5, "TypeError", "%x format: an integer is required, not float"],
    ["%o", new PyFloat(2), "TypeError", "%o format: an integer is required, not float"],
    ["%X", null, "TypeError", "%X format: an integer is required, not NoneType"],
    ["%f", "x", "TypeError", "must be real number, not str"],
    ["%g", "1", "TypeError", "must be real number, not str"],
    ["%e", [[1]], "TypeError", "must be real number, not list"],
    ["%c", "ab", "TypeError", "%c requires int or char"],
    ["%c", 2.5, "TypeError", "%c requires int or char"],
    ["%c", null, "TypeError", "%c requires int or char"],
    ["%c", 0x110000, "OverflowError", "%c arg not in range(0x110000)"],
    ["%c", -1, "OverflowError", "%c arg not in range(0x110000)"],
    ["%d", NaN, "ValueError", "cannot convert float NaN to integer"],
    ["%d", Infinity, "OverflowError", "cannot convert float infinity to integer"],
    ["%s %s", 1, "TypeError", "not enough arguments for format string"],
    ["%s %s", [1], "TypeError", "not enough arguments for format string"],
    ["%s", [], "TypeError", "not enough arguments for format string"],
    ["%(a)s %s", { a: 1 }, "TypeError", "not enough arguments for format string"],
    ["%5%|", [], "TypeError", "not enough arguments for format string"],
    ["%s", [1, 2], "TypeError", "not all arguments converted during string formatting"],
    ["hello", 5, "TypeError", "not all arguments converted during string formatting"],
    ["hello", "x", "TypeError", "not all arguments converted during string formatting"],
    ["", 1, "TypeError", "not all arguments converted during string formatting"],
    ["%", [], "ValueError", "incomplete format"],
    ["%5", 1, "ValueError", "incomplete format"],
    ["abc %", 1, "ValueError", "incomplete format"],
    ["%(a", { a: 1 }, "ValueError", "incomplete format key"],
    ["%(a)s", [1], "TypeError", "format requires a mapping"],
    ["%(b)s", { a: 1 }, "KeyError", "'b'"],
    ["%y", 1, "ValueError", "unsupported format character 'y' (0x79) at index 1"],
    ["%é", 1, "ValueError", "unsupported format character '?' (0xe9) at index 1"],
    ["%5%", [1], "ValueError", "unsupported format character '%' (0x25) at index 2"],
    ["%*d", ["a", 1], "TypeError", "* wants int"],
    ["%*s", [1.5, "a"], "TypeError", "* wants int"],
  ];
  it.each(errors)("rejects %j with %s as Python does", (fmt, args, name, message) => {
    let thrown: unknown;
    try {
      pyPercentFormat(fmt, args);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(Error);
    expect((thrown as Error).name).toBe(name);
    expect((thrown as Error).message).toBe(message);
  });

  it("throws the engine's error classes", () => {
    expect(() => pyPercentFormat("%d", "x")).toThrow(PyTypeError);
    expect(() => pyPercentFormat("%y", 1)).toThrow(ValueError);
    expect(() => pyPercentFormat("%(b)s", { a: 1 })).toThrow(KeyError);
  });
});
