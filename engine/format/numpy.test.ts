import { describe, it, expect } from "vitest";
import { DType, bool, float32, float64, int32, string } from "../dtypes.js";
import { NDArray } from "../ndarray.js";
import { bytesRepr, formatArrayRepr, formatArrayStr, utf8 } from "./numpy.js";

const f32 = Math.fround;

function array(dtype: DType, shape: number[], values: readonly (number | string)[]): NDArray {
  const a = NDArray.zeros(dtype, shape);
  values.forEach((v, i) => ((a.data as (number | string)[])[i] = v));
  return a;
}

const arange = (n: number, dtype: DType = int32, shape: number[] = [n]) =>
  array(dtype, shape, Array.from({ length: n }, (_, i) => i));

describe("formatArrayStr", () => {
  it("gives float32 columns a common width from their shortest float32 digits", () => {
    const a = array(float32, [4], [0, f32(0.3), f32(0.6), f32(f32(0.3) * 3)]);
    expect(formatArrayStr(a)).toBe("[0.         0.3        0.6        0.90000004]");
  });

  it("prints whole floats with a trailing point and nests rows", () => {
    expect(formatArrayStr(array(float32, [2], [3, 7]))).toBe("[3. 7.]");
    expect(formatArrayStr(array(float32, [2, 2], [22, 28, 49, 64]))).toBe("[[22. 28.]\n [49. 64.]]");
    expect(formatArrayStr(array(float32, [2], [-0, 1]))).toBe("[-0.  1.]");
  });

  it("switches the whole array to scientific notation for tiny, huge or widely spread values", () => {
    expect(formatArrayStr(array(float32, [2], [f32(1e-5), 1]))).toBe("[1.e-05 1.e+00]");
    expect(formatArrayStr(array(float64, [2], [1e8, 1]))).toBe("[1.e+08 1.e+00]");
    expect(formatArrayStr(array(float64, [2], [1, 1001]))).toBe("[1.000e+00 1.001e+03]");
    expect(formatArrayStr(array(float64, [2], [1.5e-5, 0.123]))).toBe("[1.50e-05 1.23e-01]");
  });

  it("compares float32 values with 1e-4 as doubles, so float32(1e-4) counts as smaller", () => {
    // numpy compares the float32 minimum 9.99999975e-05 with the Python float 0.0001.
    expect(formatArrayStr(array(float64, [2], [1e-4, 0.1]))).toBe("[0.0001 0.1   ]");
    expect(formatArrayStr(array(float32, [2], [f32(1e-4), f32(0.1)]))).toBe("[1.e-04 1.e-01]");
  });

  it("reprints scientific elements with the exact digits at the common precision (numpy 1.16, unique=False)", () => {
    // float32(0.3) is 0.30000001192...; seven digits after the point show its exact expansion.
    expect(formatArrayStr(array(float32, [2], [f32(0.3), f32(1.2345678e-5)]))).toBe("[3.0000001e-01 1.2345678e-05]");
  });

  it("aligns nan and inf with the finite values", () => {
    expect(formatArrayStr(array(float64, [3], [-Infinity, 1, NaN]))).toBe("[-inf   1.  nan]");
    expect(formatArrayStr(array(float64, [2], [NaN, NaN]))).toBe("[nan nan]");
    expect(formatArrayStr(array(float32, [3], [1.5, NaN, Infinity]))).toBe("[1.5 nan inf]");
  });

  it("right-aligns integers to the widest of the largest and smallest", () => {
    expect(formatArrayStr(array(int32, [3], [-1, 0, 10]))).toBe("[-1  0 10]");
    // numpy quickstart: b = np.arange(12).reshape(4,3)
    expect(formatArrayStr(arange(12, int32, [4, 3]))).toBe("[[ 0  1  2]\n [ 3  4  5]\n [ 6  7  8]\n [ 9 10 11]]");
  });

  it("wraps rows at 75 characters with a one-space hanging indent", () => {
    expect(formatArrayStr(arange(30))).toBe(
      "[ 0  1  2  3  4  5  6  7  8  9 10 11 12 13 14 15 16 17 18 19 20 21 22 23\n" + " 24 25 26 27 28 29]",
    );
  });

  it("separates 3-D blocks with a blank line (numpy quickstart: np.arange(24).reshape(2,3,4))", () => {
    expect(formatArrayStr(arange(24, int32, [2, 3, 4]))).toBe(
      [
        "[[[ 0  1  2  3]",
        "  [ 4  5  6  7]",
        "  [ 8  9 10 11]]",
        "",
        " [[12 13 14 15]",
        "  [16 17 18 19]",
        "  [20 21 22 23]]]",
      ].join("\n"),
    );
  });

  it("summarizes arrays of more than 1000 elements to three items at each edge (numpy quickstart)", () => {
    expect(formatArrayStr(arange(10000))).toBe("[   0    1    2 ... 9997 9998 9999]");
    expect(formatArrayStr(arange(10000, int32, [100, 100]))).toBe(
      [
        "[[   0    1    2 ...   97   98   99]",
        " [ 100  101  102 ...  197  198  199]",
        " [ 200  201  202 ...  297  298  299]",
        " ...",
        " [9700 9701 9702 ... 9797 9798 9799]",
        " [9800 9801 9802 ... 9897 9898 9899]",
        " [9900 9901 9902 ... 9997 9998 9999]]",
      ].join("\n"),
    );
  });

  it("fits the float format to the shown corners only when summarizing", () => {
    // 1001 elements: a hidden 123456789 in the middle would otherwise force scientific notation.
    const a = arange(1001, float32);
    a.data[500] = 123456789;
    expect(formatArrayStr(a)).toBe("[   0.    1.    2. ...  998.  999. 1000.]");
  });

  it("prints bools aligned and string (bytes) elements as their reprs", () => {
    expect(formatArrayStr(array(bool, [2, 2], [1, 0, 0, 1]))).toBe("[[ True False]\n [False  True]]");
    expect(formatArrayStr(array(string, [2], ["a", "bc"]))).toBe("[b'a' b'bc']");
    expect(formatArrayStr(array(string, [2], ["it's", "é"]))).toBe("[b\"it's\" b'\\xc3\\xa9']");
  });

  it("prints empty arrays of any shape as []", () => {
    expect(formatArrayStr(array(float32, [0], []))).toBe("[]");
    expect(formatArrayStr(array(float32, [2, 0], []))).toBe("[]");
  });

  it("prints a 0-d array as its scalar", () => {
    expect(formatArrayStr(array(float32, [], [f32(2.3205383)]))).toBe("2.3205383");
    expect(formatArrayStr(array(float64, [], [2]))).toBe("2.0");
    expect(formatArrayStr(array(int32, [], [7]))).toBe("7");
    expect(formatArrayStr(array(bool, [], [1]))).toBe("True");
    expect(formatArrayStr(array(string, [], ["hi"]))).toBe("b'hi'");
  });
});

describe("formatArrayRepr", () => {
  it("shows the dtype for float32, int32 and object arrays but not for float64 or bool", () => {
    expect(formatArrayRepr(array(float32, [2], [3, 7]))).toBe("array([3., 7.], dtype=float32)");
    expect(formatArrayRepr(array(int32, [2], [1, 2]))).toBe("array([1, 2], dtype=int32)");
    expect(formatArrayRepr(array(float64, [2], [3, 7]))).toBe("array([3., 7.])");
    expect(formatArrayRepr(array(bool, [2], [1, 0]))).toBe("array([ True, False])");
    expect(formatArrayRepr(array(string, [2], ["a", "bc"]))).toBe("array([b'a', b'bc'], dtype=object)");
  });

  it("pads float columns after the comma (numpy quickstart outputs)", () => {
    expect(formatArrayRepr(array(float64, [9], [0, 0.25, 0.5, 0.75, 1, 1.25, 1.5, 1.75, 2]))).toBe(
      "array([0.  , 0.25, 0.5 , 0.75, 1.  , 1.25, 1.5 , 1.75, 2.  ])",
    );
    // 10 * np.sin(np.array([20, 30, 40, 50])), values from python3's math.sin
    const sines = [9.129452507276277, -9.880316240928618, 7.451131604793488, -2.6237485370392877];
    expect(formatArrayRepr(array(float64, [4], sines))).toBe("array([ 9.12945251, -9.88031624,  7.4511316 , -2.62374854])");
    expect(formatArrayRepr(array(float64, [3], [1, 2.718281828459045, 7.38905609893065]))).toBe(
      "array([1.        , 2.71828183, 7.3890561 ])",
    );
  });

  it("indents continuation rows under the first element", () => {
    expect(formatArrayRepr(array(float32, [2, 2], [22, 28, 49, 64]))).toBe(
      "array([[22., 28.],\n       [49., 64.]], dtype=float32)",
    );
    expect(formatArrayRepr(array(float64, [3, 4], new Array(12).fill(0)))).toBe(
      "array([[0., 0., 0., 0.],\n       [0., 0., 0., 0.],\n       [0., 0., 0., 0.]])",
    );
  });

  it("wraps long rows at 75 characters, counting the closing suffix", () => {
    expect(formatArrayRepr(arange(30))).toBe(
      "array([ 0,  1,  2,  3,  4,  5,  6,  7,  8,  9, 10, 11, 12, 13, 14, 15, 16,\n" +
        "       17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29], dtype=int32)",
    );
    expect(formatArrayRepr(arange(20, float32))).toBe(
      "array([ 0.,  1.,  2.,  3.,  4.,  5.,  6.,  7.,  8.,  9., 10., 11., 12.,\n" +
        "       13., 14., 15., 16., 17., 18., 19.], dtype=float32)",
    );
  });

  it("moves the dtype to its own line when it would pass the line width", () => {
    expect(formatArrayRepr(arange(13, float32))).toBe(
      "array([ 0.,  1.,  2.,  3.,  4.,  5.,  6.,  7.,  8.,  9., 10., 11., 12.],\n      dtype=float32)",
    );
  });

  it("summarizes with ..., and separators", () => {
    expect(formatArrayRepr(arange(2000))).toBe("array([   0,    1,    2, ..., 1997, 1998, 1999], dtype=int32)");
    const big = arange(2500, float64, [50, 50]);
    expect(formatArrayRepr(big).split("\n").slice(0, 3)).toEqual([
      "array([[0.000e+00, 1.000e+00, 2.000e+00, ..., 4.700e+01, 4.800e+01,",
      "        4.900e+01],",
      "       [5.000e+01, 5.100e+01, 5.200e+01, ..., 9.700e+01, 9.800e+01,",
    ]);
    expect(formatArrayRepr(big).split("\n")[6]).toBe("       ...,");
  });

  it("shows empty arrays with their dtype, and their shape unless it is (0,)", () => {
    expect(formatArrayRepr(array(float32, [0], []))).toBe("array([], dtype=float32)");
    expect(formatArrayRepr(array(float64, [0], []))).toBe("array([], dtype=float64)");
    expect(formatArrayRepr(array(string, [0], []))).toBe("array([], dtype=object)");
    expect(formatArrayRepr(array(float32, [2, 0], []))).toBe("array([], shape=(2, 0), dtype=float32)");
    expect(formatArrayRepr(array(bool, [0, 3], []))).toBe("array([], shape=(0, 3), dtype=bool)");
  });

  it("prints a 0-d array as its scalar", () => {
    expect(formatArrayRepr(array(float32, [], [f32(0.1)]))).toBe("0.1");
    expect(formatArrayRepr(array(int32, [], [-3]))).toBe("-3");
    expect(formatArrayRepr(array(string, [], ["x"]))).toBe("b'x'");
  });
});

describe("bytesRepr", () => {
  it("prints the UTF-8 bytes as Python's repr(bytes) does (expectations from python3)", () => {
    expect(bytesRepr("abc")).toBe("b'abc'");
    expect(bytesRepr("it's")).toBe("b\"it's\"");
    expect(bytesRepr("it's \"q\"")).toBe("b'it\\'s \"q\"'");
    expect(bytesRepr("a\tb\nc\\")).toBe("b'a\\tb\\nc\\\\'");
    expect(bytesRepr("\u0000\u007f é")).toBe("b'\\x00\\x7f \\xc3\\xa9'");
    expect(bytesRepr("")).toBe("b''");
  });
});

describe("utf8", () => {
  it("encodes code points of every length and replaces lone surrogates", () => {
    expect(utf8("aé€😀")).toEqual([0x61, 0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80]);
    expect(utf8("\ud800")).toEqual([0xef, 0xbf, 0xbd]);
  });
});
