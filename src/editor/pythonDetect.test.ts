/**
 * The paste detector: never a false alarm on the playground's own TypeScript (every example and
 * every lesson's code), and Python recognized as the learner pastes it (the tutorial's programs,
 * TF docstring snippets).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_PROGRAM } from "../app/defaultProgram";
import { DEFAULT_PYTHON_PROGRAM } from "../app/pythonStarter";
import { looksLikePython } from "./pythonDetect";
import { mayBePython } from "./pasteHint";

const ROOT = new URL("../../", import.meta.url).pathname;

function filesUnder(dir: string, ext: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
    const p = join(dir, name.name);
    if (name.isDirectory()) out.push(...filesUnder(p, ext));
    else if (name.name.endsWith(ext)) out.push(p);
  }
  return out;
}

/** The code blocks of a lesson's markdown (starters, solutions, examples). */
function lessonCode(file: string): string[] {
  const text = readFileSync(join(ROOT, file), "utf8");
  return [...text.matchAll(/```(?:ts|typescript)\b[^\n]*\n([\s\S]*?)```/g)].map((m) => m[1]);
}

describe("looksLikePython", () => {
  it("never says so of an example program in TypeScript", () => {
    const files = filesUnder("examples", ".ts");
    expect(files.length).toBeGreaterThan(50);
    expect(files.filter((f) => looksLikePython(readFileSync(join(ROOT, f), "utf8")))).toEqual([]);
  });

  it("never says so of a lesson's code, nor of any part of it a learner might copy", () => {
    const blocks = filesUnder("lessons", ".md")
      .filter((f) => /\/\d+-[^/]*\.md$/.test(f))
      .flatMap(lessonCode);
    expect(blocks.length).toBeGreaterThan(20);
    const alarms = blocks.filter((b) => {
      const lines = b.split("\n");
      // The whole block, and every run of three lines of it.
      if (looksLikePython(b)) return true;
      for (let i = 0; i + 3 <= lines.length; i++) if (looksLikePython(lines.slice(i, i + 3).join("\n"))) return true;
      return false;
    });
    expect(alarms).toEqual([]);
    expect(looksLikePython(DEFAULT_PROGRAM)).toBe(false);
  });

  it("recognizes every program of the tutorial in Python, as pasted", () => {
    const files = filesUnder("examples/tutorial_py", ".py");
    expect(files.length).toBeGreaterThan(10);
    expect(files.filter((f) => !looksLikePython(readFileSync(join(ROOT, f), "utf8")))).toEqual([]);
    expect(looksLikePython(DEFAULT_PYTHON_PROGRAM)).toBe(true);
  });

  it("recognizes docstring snippets and Python 2 prints, but not a single ambiguous line", () => {
    expect(looksLikePython("x = tf.placeholder(tf.float32, shape=(1024, 1024))\ny = tf.matmul(x, x)\n\nwith tf.Session() as sess:\n  print(sess.run(y))\n")).toBe(true);
    expect(looksLikePython("print two_node\nprint sum_node\n")).toBe(true);
    expect(looksLikePython("import tensorflow as tf")).toBe(true);
    expect(looksLikePython("sess.run(y)")).toBe(false);
    expect(looksLikePython("print(1)")).toBe(false);
  });
});

describe("mayBePython (the editor's check before it loads the detector)", () => {
  it("lets through every text the detector would call Python: any single line it accepts imports TensorFlow", () => {
    const lines = filesUnder("examples/tutorial_py", ".py").flatMap((f) => readFileSync(join(ROOT, f), "utf8").split("\n"));
    const oneLiners = [...lines, "import tensorflow as tf", "  from tensorflow.compat import v1 as tf", "import numpy as np", "print x"];
    expect(oneLiners.filter((l) => looksLikePython(l) && !mayBePython(l))).toEqual([]);
    expect(mayBePython("import tensorflow as tf")).toBe(true);
    expect(mayBePython("print two_node\nprint sum_node")).toBe(true);
    expect(mayBePython("const x = 1;")).toBe(false);
  });
});
