/**
 * Python's device blocks and the runtime's placement log behave as the TypeScript program's do:
 * `with tf.device(...)` survives the `with` statement's enter/exit split, and the engine's
 * stdout lines (log_device_placement) and the run's files reach a Python program too.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { MemoryFiles } from "../../../engine";
import type { EndEvent, NodeEvent, ProgramEvent } from "../events";
import { runProgram } from "../run_program";
import { loadPythonNode } from "./load_node";
import type { PythonRuntime } from "./runtime";

let rt: PythonRuntime;

beforeAll(async () => {
  rt = await loadPythonNode();
}, 300_000);

async function run(source: string, language: "python" | "typescript", files?: MemoryFiles) {
  const events: ProgramEvent[] = [];
  const end: EndEvent = await runProgram(source, { seed: 1, emit: (e) => events.push(e), values: "fetches", language, python: rt, files });
  return {
    end,
    stdout: events.filter((e) => e.type === "stdout").map((e) => (e as { text: string }).text),
    nodes: events.filter((e): e is NodeEvent => e.type === "node"),
  };
}

describe("devices in Python", () => {
  it("a with tf.device block places the ops made inside it, and nested blocks merge", async () => {
    const r = await run(
      [
        "import tensorflow as tf",
        'with tf.device("/gpu:0"):',
        '    a = tf.constant(1.0, name="a")',
        '    with tf.device("/cpu:0"):',
        '        b = tf.constant(2.0, name="b")',
        'c = tf.constant(3.0, name="c")',
        "print(a.device)",
        "print(b.device)",
        "print(repr(c.device))",
      ].join("\n"),
      "python",
    );
    expect(r.end.ok).toBe(true);
    expect(r.stdout).toEqual(["/device:GPU:0", "/device:CPU:0", "''"]);
  });

  it("log_device_placement prints the same placement log as the TypeScript program", async () => {
    const py = await run(
      [
        "import tensorflow as tf",
        'a = tf.constant(1.0, name="a")',
        "with tf.Session(config=tf.ConfigProto(log_device_placement=True)) as sess:",
        "    print(sess.run(a))",
      ].join("\n"),
      "python",
    );
    const ts = await run(
      ['const a = tf.constant(1.0, {name: "a"});', "const sess = tf.Session({config: tf.ConfigProto({log_device_placement: true})});", "print(sess.run(a));"].join("\n"),
      "typescript",
    );
    expect(ts.stdout).toContain("a: (Const): /job:localhost/replica:0/task:0/device:GPU:0");
    expect(py.stdout).toEqual(ts.stdout);
  });

  it("a checkpoint a Python program saves goes to the run's files", async () => {
    const files = new MemoryFiles();
    const r = await run(
      [
        "import tensorflow as tf",
        'v = tf.Variable([1.0, 2.0], name="v")',
        "saver = tf.train.Saver()",
        "with tf.Session() as sess:",
        "    sess.run(tf.global_variables_initializer())",
        '    print(saver.save(sess, "/tmp/model.ckpt"))',
      ].join("\n"),
      "python",
      files,
    );
    expect(r.end).toMatchObject({ ok: true });
    expect(r.stdout).toEqual(["/tmp/model.ckpt"]);
    expect(files.list().some((f) => f.startsWith("/tmp/model.ckpt"))).toBe(true);
  });
});
