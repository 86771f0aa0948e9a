import { describe, expect, it } from "vitest";
import { compileProgram, programLineOf } from "./compile";

/** The error `program.fn(...values)` throws. */
function thrownBy(code: string, names: string[] = [], values: unknown[] = []) {
  const program = compileProgram(code, names);
  try {
    program.fn(...values);
  } catch (error) {
    return { program, error };
  }
  throw new Error("expected the program to throw");
}

describe("compileProgram", () => {
  it("passes the globals as parameters and lets the program's declarations shadow them", () => {
    const seen: unknown[] = [];
    compileProgram("const sum = 2;\nout(sum, typeof tf);", ["sum", "tf", "out"]).fn(() => 1, "tf!", (...a: unknown[]) => seen.push(...a));
    expect(seen).toEqual([2, "string"]);
  });

  it("is async only when the code mentions await", () => {
    expect(compileProgram("x = 1", []).isAsync).toBe(false);
    expect(compileProgram("await 1", []).isAsync).toBe(true);
  });

  it("runs in strict mode", () => {
    const { error } = thrownBy("undeclared = 1;");
    expect(error).toBeInstanceOf(ReferenceError);
  });
});

describe("programLineOf", () => {
  it("maps the innermost frame of the program back to the learner's line", () => {
    const { program, error } = thrownBy("const a = 1;\nfunction f() {\n  return null.x;\n}\nf();");
    expect(programLineOf(error, program, 5)).toBe(3);
  });

  it("reads V8's <anonymous> frames when the sourceURL is not honoured", () => {
    const program = compileProgram("", []);
    const error = new Error("x");
    error.stack = "Error: x\n    at eval (eval at run (file:///r.js:9:9), <anonymous>:6:3)";
    expect(programLineOf(error, program, 10)).toBe(4);
  });

  it("gives null for a thrown non-Error or a frame outside the program's lines", () => {
    const program = compileProgram("", []);
    expect(programLineOf(5, program, 10)).toBeNull();
    const error = new Error("x");
    error.stack = "Error: x\n    at f (tf-program.js:99:1)";
    expect(programLineOf(error, program, 10)).toBeNull();
  });
});
