/**
 * Python's print in the page's runner: lines are buffered on the Python side and cross to the
 * console with the next engine call (lib/_tfpy/out.py), in the order the program wrote them.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { EndEvent, ProgramEvent } from "../events";
import { runProgram } from "../run_program";
import { loadPythonNode } from "./load_node";
import type { PythonRuntime } from "./runtime";

let rt: PythonRuntime;

beforeAll(async () => {
  rt = await loadPythonNode();
}, 300_000);

/** Python source from indented lines (the first line's indentation is removed from all). */
function py(strings: TemplateStringsArray): string {
  const lines = strings.join("").replace(/^\n/, "").split("\n");
  const indent = /^ */.exec(lines[0])![0].length;
  return lines.map((l) => l.slice(indent)).join("\n");
}

async function run(source: string) {
  const events: ProgramEvent[] = [];
  const end: EndEvent = await runProgram(source, { seed: 1, emit: (e) => events.push(e), language: "python", python: rt });
  const lines = (type: "stdout" | "stderr") => events.filter((e) => e.type === type).map((e) => (e as { text: string }).text);
  return { end, events, stdout: lines("stdout"), stderr: lines("stderr") };
}

describe("print, buffered on the Python side", () => {
  it("keeps the order of printed lines, stderr writes, tf.Print lines and the error", async () => {
    const r = await run(py`
      import sys
      import tensorflow as tf
      x = tf.placeholder(tf.float32)
      y = tf.Print(x * 2.0, [x], "seen: ")
      sess = tf.Session()
      for i in range(3):
          print("step", i, sess.run(y, {x: float(i)}))
          print(i, 0.5, None, True, "s", -7, 1 << 60)
      sys.stderr.write("to stderr\\n")
      print("before the error")
      sess.run(y)
    `);
    expect(r.stdout).toEqual([
      "step 0 0.0",
      "0 0.5 None True s -7 1152921504606846976",
      "step 1 2.0",
      "1 0.5 None True s -7 1152921504606846976",
      "step 2 4.0",
      "2 0.5 None True s -7 1152921504606846976",
      "before the error",
    ]);
    expect(r.stderr.slice(0, 4)).toEqual(["seen: [0]", "seen: [1]", "seen: [2]", "to stderr"]);
    expect(r.end.error).toMatchObject({ type: "InvalidArgumentError", line: 11 });
  });

  it("interleaves stdout and stderr in the order the program wrote them", async () => {
    const { events } = await run(py`
      import sys
      import tensorflow as tf
      print("a")
      sys.stderr.write("b\\n")
      print("c")
      v = tf.Print(tf.constant(1), [tf.constant(5)], "p: ")
      print("d")
      tf.Session().run(v)
      print("e")
    `);
    const lines = events.filter((e) => e.type === "stdout" || e.type === "stderr").map((e) => (e as { text: string }).text);
    expect(lines).toEqual(["a", "b", "c", "d", "p: [5]", "e"]);
  });
});
