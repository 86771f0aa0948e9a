import { describe, it, expect } from "vitest";
import {
  dragon4Positional,
  dragon4Scientific,
  float32Repr,
  float64Repr,
  formatC,
  formatG,
  tfDoubleToBuffer,
  tfFloatToBuffer,
} from "./floats.js";

const f32 = Math.fround;

/** A small deterministic generator of raw bit patterns (no test should be flaky). */
function bitPatterns(count: number, seed: number): number[] {
  const out: number[] = [];
  let s = seed;
  for (let i = 0; i < count; i++) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    out.push(s);
  }
  return out;
}

function randomFloat32s(count: number): number[] {
  const view = new DataView(new ArrayBuffer(4));
  return bitPatterns(count, 7)
    .map((bits) => (view.setUint32(0, bits), view.getFloat32(0)))
    .filter(Number.isFinite);
}

function randomFloat64s(count: number): number[] {
  const view = new DataView(new ArrayBuffer(8));
  const bits = bitPatterns(2 * count, 11);
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    view.setUint32(0, bits[2 * i]);
    view.setUint32(4, bits[2 * i + 1]);
    const x = view.getFloat64(0);
    if (Number.isFinite(x)) out.push(x);
  }
  return out;
}

/** Significant digits of a decimal text, without sign, point, exponent, leading or trailing zeros. */
function significantDigits(text: string): string {
  return text.replace(/e.*$/, "").replace(/[-.]/g, "").replace(/^0+/, "").replace(/0+$/, "") || "0";
}

describe("float32Repr", () => {
  it("prints the shortest digits that identify a float32, as numpy does", () => {
    expect(float32Repr(f32(2.3205383))).toBe("2.3205383");
    expect(float32Repr(f32(0.5792742))).toBe("0.5792742");
    expect(float32Repr(f32(1.55254))).toBe("1.55254");
    expect(float32Repr(f32(0.1))).toBe("0.1");
    expect(float32Repr(f32(f32(0.3) * 3))).toBe("0.90000004");
  });

  it("rounds its argument to float32 first", () => {
    expect(float32Repr(0.1)).toBe("0.1");
    expect(float32Repr(2.3205383)).toBe("2.3205383");
  });

  it("switches to scientific notation below 1e-4 with a signed two-digit exponent", () => {
    expect(float32Repr(f32(2.9878322e-12))).toBe("2.9878322e-12");
    expect(float32Repr(f32(5.158629e-11))).toBe("5.158629e-11");
    expect(float32Repr(f32(5.684342e-14))).toBe("5.684342e-14");
    expect(float32Repr(f32(1e-5))).toBe("1e-05");
    expect(float32Repr(f32(1.4e-45))).toBe("1e-45");
  });

  it("decides the notation on the float32 value, so float32(1e-4) (just below 1e-4) is scientific", () => {
    // scalartypes.c.src compares the float32 value 9.99999975e-05 with 1.e-4L.
    expect(float32Repr(f32(1e-4))).toBe("1e-04");
    expect(float32Repr(f32(0.00010001))).toBe("0.00010001");
  });

  it("switches to scientific notation at 1e16", () => {
    expect(float32Repr(f32(1e15))).toBe("1000000000000000.0");
    expect(float32Repr(f32(1e16))).toBe("1e+16");
    expect(float32Repr(f32(3.4028234663852886e38))).toBe("3.4028235e+38");
  });

  it("keeps a .0 on whole values and prints signed zero, infinities and NaN as numpy does", () => {
    expect(float32Repr(2)).toBe("2.0");
    expect(float32Repr(100000)).toBe("100000.0");
    expect(float32Repr(-0)).toBe("-0.0");
    expect(float32Repr(0)).toBe("0.0");
    expect(float32Repr(Infinity)).toBe("inf");
    expect(float32Repr(-Infinity)).toBe("-inf");
    expect(float32Repr(NaN)).toBe("nan");
  });

  it("always reads back as the same float32 and is never longer than the shortest such text", () => {
    for (const x of randomFloat32s(3000)) {
      const text = float32Repr(x);
      expect(f32(Number(text))).toBe(x);
      let shortest = 1;
      while (f32(Number(x.toPrecision(shortest))) !== x) shortest++;
      expect(significantDigits(text).length).toBe(shortest);
    }
  });
});

describe("float64Repr", () => {
  it("prints what Python 3's repr(float) prints (expectations from python3)", () => {
    expect(float64Repr(2)).toBe("2.0");
    expect(float64Repr(0.1)).toBe("0.1");
    expect(float64Repr(0.1 + 0.2)).toBe("0.30000000000000004");
    expect(float64Repr(1e16)).toBe("1e+16");
    expect(float64Repr(1e15 + 0.3)).toBe("1000000000000000.2");
    expect(float64Repr(1e-5)).toBe("1e-05");
    expect(float64Repr(1e-4)).toBe("0.0001");
    expect(float64Repr(123456789012345680)).toBe("1.2345678901234568e+17");
    expect(float64Repr(5e-324)).toBe("5e-324");
    expect(float64Repr(1.7976931348623157e308)).toBe("1.7976931348623157e+308");
    expect(float64Repr(-2.5e-7)).toBe("-2.5e-07");
    expect(float64Repr(2 ** -30)).toBe("9.313225746154785e-10");
    expect(float64Repr(1e22)).toBe("1e+22");
    expect(float64Repr(-0)).toBe("-0.0");
  });

  it("has the same digits as JavaScript's shortest round-trip text", () => {
    for (const x of randomFloat64s(3000)) {
      const text = float64Repr(x);
      expect(Number(text)).toBe(x);
      expect(significantDigits(text)).toBe(significantDigits(Math.abs(x).toExponential()));
    }
  });
});

describe("dragon4Positional", () => {
  it("matches numpy's format_float_positional examples", () => {
    // numpy docs: np.format_float_positional(np.float32(np.pi)) == '3.1415927'
    expect(dragon4Positional(f32(Math.PI), "float32")).toBe("3.1415927");
    expect(dragon4Positional(Math.PI, "float64")).toBe("3.141592653589793");
  });

  it("trims and pads as numpy's array printer asks", () => {
    expect(dragon4Positional(0, "float32", { precision: 8, trim: "." })).toBe("0.");
    expect(dragon4Positional(0, "float32", { precision: 8, trim: ".", padLeft: 2, padRight: 8 })).toBe(" 0.        ");
    expect(dragon4Positional(2, "float64", { trim: "0" })).toBe("2.0");
    expect(dragon4Positional(2, "float64", { trim: "-" })).toBe("2");
    expect(dragon4Positional(-1.5, "float64", { padLeft: 3 })).toBe(" -1.5");
  });

  it("rounds to the precision cutoff, half to even on the exact value", () => {
    expect(dragon4Positional(1 / 3, "float64", { precision: 8, trim: "." })).toBe("0.33333333");
    expect(dragon4Positional(0.125, "float64", { precision: 2, unique: false })).toBe("0.12");
    expect(dragon4Positional(0.375, "float64", { precision: 2, unique: false })).toBe("0.38");
    expect(dragon4Positional(0.999999999, "float64", { precision: 3, trim: "." })).toBe("1.");
  });

  it("prints non-finite values as numpy's scalar printer does", () => {
    expect(dragon4Positional(NaN, "float64")).toBe("nan");
    expect(dragon4Positional(-Infinity, "float32")).toBe("-inf");
  });
});

describe("dragon4Scientific", () => {
  it("matches numpy's format_float_scientific examples", () => {
    // numpy docs: format_float_scientific(np.float32(np.pi)) == '3.1415927e+00'
    expect(dragon4Scientific(f32(Math.PI), "float32")).toBe("3.1415927e+00");
    // numpy docs: s = np.float32(1.23e24); format_float_scientific(s, unique=False, precision=15)
    expect(dragon4Scientific(f32(1.23e24), "float32", { precision: 15, unique: false })).toBe("1.230000071797338e+24");
    expect(dragon4Scientific(f32(1.23e24), "float32", { expDigits: 4 })).toBe("1.23e+0024");
  });

  it("keeps the point in trim mode '.' and drops it in trim mode '-'", () => {
    expect(dragon4Scientific(f32(1e-5), "float32", { precision: 8, trim: "." })).toBe("1.e-05");
    expect(dragon4Scientific(f32(1e-5), "float32", { trim: "-" })).toBe("1e-05");
  });

  it("pads exact digits with zeros up to the precision when not unique", () => {
    expect(dragon4Scientific(1, "float64", { precision: 3, unique: false, trim: "k" })).toBe("1.000e+00");
    expect(dragon4Scientific(f32(0.3), "float32", { precision: 7, unique: false, trim: "k" })).toBe("3.0000001e-01");
    expect(dragon4Scientific(-1e-100, "float64", { precision: 1, unique: false, padLeft: 2 })).toBe("-1.0e-100");
  });
});

describe("formatC", () => {
  it("rounds the exact binary value half to even, as glibc and CPython do (expectations from python3)", () => {
    expect(formatC(2.675, "f", 2)).toBe("2.67");
    expect(formatC(2.5, "f", 0)).toBe("2");
    expect(formatC(3.5, "f", 0)).toBe("4");
    expect(formatC(0.25, "f", 1)).toBe("0.2");
    expect(formatC(0.35, "f", 1)).toBe("0.3");
    expect(formatC(2.675, "e", 2)).toBe("2.67e+00");
  });

  it("formats %f with carries, tiny values and huge values", () => {
    expect(formatC(9.996, "f", 2)).toBe("10.00");
    expect(formatC(0.004, "f", 2)).toBe("0.00");
    expect(formatC(0.006, "f", 2)).toBe("0.01");
    expect(formatC(1.5, "f", 6)).toBe("1.500000");
    expect(formatC(-0, "f", 6)).toBe("-0.000000");
    expect(formatC(1e22, "f", 1)).toBe("10000000000000000000000.0");
  });

  it("formats %e with at least two exponent digits", () => {
    expect(formatC(12345.678, "e", 6)).toBe("1.234568e+04");
    expect(formatC(0, "e", 6)).toBe("0.000000e+00");
    expect(formatC(1e300, "e", 3)).toBe("1.000e+300");
    expect(formatC(1e-300, "e", 6)).toBe("1.000000e-300");
    expect(formatC(12345, "e", 0)).toBe("1e+04");
  });

  it("keeps the point and trailing zeros with the # flag", () => {
    expect(formatC(12345, "e", 0, true)).toBe("1.e+04");
    expect(formatC(3, "f", 0, true)).toBe("3.");
    expect(formatC(1, "g", 6, true)).toBe("1.00000");
    expect(formatC(0, "g", 6, true)).toBe("0.00000");
    expect(formatC(1, "g", 0, true)).toBe("1.");
  });

  it("prints non-finite values as inf and nan", () => {
    expect(formatC(Infinity, "f", 6)).toBe("inf");
    expect(formatC(-Infinity, "e", 6)).toBe("-inf");
    expect(formatC(NaN, "g", 6)).toBe("nan");
  });

  it("agrees with Python's %.10e, %.12g and %.3f (expectations from python3)", () => {
    expect(formatC(-1.0426407692212402e-227, "e", 10)).toBe("-1.0426407692e-227");
    expect(formatC(6.02214076e23, "g", 12)).toBe("6.02214076e+23");
    expect(formatC(1234.5675, "f", 3)).toBe("1234.568");
  });
});

describe("formatG", () => {
  it("chooses %f or %e style as C99 says and drops trailing zeros (expectations from python3's %g)", () => {
    expect(formatG(0.1, 6)).toBe("0.1");
    expect(formatG(123456789, 6)).toBe("1.23457e+08");
    expect(formatG(123456, 6)).toBe("123456");
    expect(formatG(1234567, 6)).toBe("1.23457e+06");
    expect(formatG(0, 6)).toBe("0");
    expect(formatG(-0, 6)).toBe("-0");
    expect(formatG(1e-5, 6)).toBe("1e-05");
    expect(formatG(1e-4, 6)).toBe("0.0001");
    expect(formatG(9.9999e-5, 6)).toBe("9.9999e-05");
    expect(formatG(99999.95, 6)).toBe("99999.9");
    expect(formatG(999999.5, 6)).toBe("1e+06");
    expect(formatG(9.995, 3)).toBe("9.99");
    expect(formatG(0.000123456, 2)).toBe("0.00012");
    expect(formatG(1e16, 6)).toBe("1e+16");
  });

  it("treats precision 0 as 1 and rounds ties to even", () => {
    expect(formatG(2.5, 1)).toBe("2");
    expect(formatG(2.5, 0)).toBe("2");
    expect(formatG(3.5, 0)).toBe("4");
  });
});

describe("tfFloatToBuffer", () => {
  it("prints 6 significant digits when they read back as the same float32", () => {
    expect(tfFloatToBuffer(f32(0.1))).toBe("0.1");
    expect(tfFloatToBuffer(1.5)).toBe("1.5");
    expect(tfFloatToBuffer(100000)).toBe("100000");
    expect(tfFloatToBuffer(1000000)).toBe("1e+06");
    expect(tfFloatToBuffer(1e10)).toBe("1e+10");
    expect(tfFloatToBuffer(-2)).toBe("-2");
  });

  it("falls back to 9 significant digits (FLT_DIG + 3) when 6 do not round-trip", () => {
    expect(tfFloatToBuffer(f32(2.3205383))).toBe("2.32053828");
    expect(tfFloatToBuffer(f32(f32(0.3) * 3))).toBe("0.900000036");
    expect(tfFloatToBuffer(16777216)).toBe("16777216");
    expect(tfFloatToBuffer(f32(3.4028234663852886e38))).toBe("3.40282347e+38");
  });

  it("prints infinities and NaN as glibc does", () => {
    expect(tfFloatToBuffer(Infinity)).toBe("inf");
    expect(tfFloatToBuffer(-Infinity)).toBe("-inf");
    expect(tfFloatToBuffer(NaN)).toBe("nan");
  });
});

describe("tfDoubleToBuffer", () => {
  it("prints 15 significant digits when they read back as the same double, else 17", () => {
    expect(tfDoubleToBuffer(0.1)).toBe("0.1");
    expect(tfDoubleToBuffer(0.1 + 0.2)).toBe("0.30000000000000004");
    expect(tfDoubleToBuffer(1 / 3)).toBe("0.33333333333333331");
    expect(tfDoubleToBuffer(1e100)).toBe("1e+100");
    expect(tfDoubleToBuffer(2.5)).toBe("2.5");
  });

  it("skips the short form near DBL_MAX and for infinities", () => {
    expect(tfDoubleToBuffer(Number.MAX_VALUE)).toBe("1.7976931348623157e+308");
    expect(tfDoubleToBuffer(-Infinity)).toBe("-inf");
  });
});
