/**
 * tf.data, queues and checkpoints from Python, as TF 1.x programs use them: a pipeline built
 * with lambdas, read with get_next() in a loop that ends when `except tf.errors.OutOfRangeError`
 * catches the end; dict and tuple elements; an initializable iterator fed from a placeholder;
 * a FIFOQueue; a Saver's save/restore round trip.
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

async function run(source: string, language: "python" | "typescript" = "python") {
  const events: ProgramEvent[] = [];
  const end: EndEvent = await runProgram(source, { seed: 1, emit: (e) => events.push(e), language, python: rt });
  return { end, stdout: events.flatMap((e) => (e.type === "stdout" ? [e.text] : [])) };
}

async function printed(...lines: string[]): Promise<string[]> {
  const r = await run(["import tensorflow as tf", "import numpy as np", ...lines].join("\n"));
  expect(r.end.error ?? null).toBe(null);
  return r.stdout;
}

/** Reads `next` until the end of its dataset, printing each element, then "end". */
const READ_ALL = ["with tf.Session() as sess:", "    while True:", "        try:", "            print(sess.run(nxt))", "        except tf.errors.OutOfRangeError:", '            print("end")', "            break"];

describe("tf.data from Python", () => {
  it("maps with a lambda, batches and repeats, and a loop ends at OutOfRangeError caught with except", async () => {
    expect(
      await printed(
        "ds = tf.data.Dataset.from_tensor_slices(np.arange(7).astype(np.float32))",
        "ds = ds.map(lambda v: v * 2 + 1).batch(3).repeat(2)",
        "nxt = ds.make_one_shot_iterator().get_next()",
        "print(nxt)",
        ...READ_ALL,
      ),
    ).toEqual(['Tensor("IteratorGetNext:0", shape=(?,), dtype=float32)', "[1. 3. 5.]", "[ 7.  9. 11.]", "[13.]", "[1. 3. 5.]", "[ 7.  9. 11.]", "[13.]", "end"]);
  });

  it("shuffles with a seed as the TypeScript dialect does (one engine), each epoch a permutation", async () => {
    const py = await printed(
      "ds = tf.data.Dataset.from_tensor_slices(np.arange(6)).shuffle(4, seed=3).repeat(2)",
      "nxt = tf.compat.v1.data.make_one_shot_iterator(ds).get_next()",
      ...READ_ALL,
    );
    const ts = await run(
      [
        "const ds = tf.data.Dataset.from_tensor_slices(np.arange(6)).shuffle(4, {seed: 3}).repeat(2);",
        "const nxt = ds.make_one_shot_iterator().get_next();",
        "const sess = tf.Session();",
        "while (true) {",
        "  try { print(sess.run(nxt)); } catch (e) { if (e instanceof tf.errors.OutOfRangeError) { print('end'); break; } throw e; }",
        "}",
      ].join("\n"),
      "typescript",
    );
    expect(ts.end.error ?? null).toBe(null);
    expect(py).toEqual(ts.stdout);
    expect(py.slice(0, 6).map(Number).sort()).toEqual([0, 1, 2, 3, 4, 5]);
    expect(py.slice(6, 12).map(Number).sort()).toEqual([0, 1, 2, 3, 4, 5]);
    expect(py[12]).toBe("end");
  });

  it("gives dict elements as dicts and tuple elements as tuples, strings as bytes", async () => {
    expect(
      await printed(
        'ds = tf.data.Dataset.from_tensor_slices({"label": [1, 2], "word": ["hi", "yo"]})',
        "print(ds.output_types)",
        "nxt = ds.make_one_shot_iterator().get_next()",
        "print(sorted(nxt.keys()))",
        ...READ_ALL,
        "pairs = tf.data.Dataset.from_tensor_slices((np.array([1.5, 2.5]), np.array([3, 4]))).map(lambda a, b: (b, a))",
        "b, a = pairs.make_one_shot_iterator().get_next()",
        "print(tf.Session().run((b, a)))",
      ),
    ).toEqual([
      "{'label': tf.int32, 'word': tf.string}",
      "['label', 'word']",
      "{'label': 1, 'word': b'hi'}",
      "{'label': 2, 'word': b'yo'}",
      "end",
      "(3, 1.5)",
    ]);
  });

  it("re-initializes an initializable iterator from a fed placeholder", async () => {
    expect(
      await printed(
        "x = tf.placeholder(tf.float32, shape=[None])",
        "it = tf.data.Dataset.from_tensor_slices(x).batch(2).make_initializable_iterator()",
        "nxt = it.get_next()",
        "sess = tf.Session()",
        "for data in ([1.0, 2.0, 3.0], [4.0]):",
        "    sess.run(it.initializer, feed_dict={x: data})",
        "    try:",
        "        while True:",
        "            print(sess.run(nxt))",
        "    except tf.errors.OutOfRangeError as e:",
        '        print("end:", type(e).__name__)',
      ),
    ).toEqual(["[1. 2.]", "[3.]", "end: OutOfRangeError", "[4.]", "end: OutOfRangeError"]);
  });
});

describe("queues and checkpoints from Python", () => {
  it("enqueues many, dequeues one at a time and reports the size; a closed, drained queue raises OutOfRangeError", async () => {
    expect(
      await printed(
        "q = tf.FIFOQueue(3, tf.float32)",
        "sess = tf.Session()",
        "sess.run(q.enqueue_many(([1.0, 2.0, 3.0],)))",
        "d = q.dequeue()",
        "print(sess.run(d), sess.run(d), sess.run(q.size()))",
        "sess.run(q.close())",
        "print(sess.run(d))",
        "try:",
        "    sess.run(d)",
        "except tf.errors.OutOfRangeError as e:",
        "    print(e.message)",
      ),
    ).toEqual(["1.0 2.0 1", "3.0", "FIFOQueue '_0_fifo_queue' is closed and has insufficient elements (requested 1, current size 0)", "\t [[node fifo_queue_Dequeue (defined at line 6) ]]"]);
  });

  it("saves variables with a Saver and restores them into another session", async () => {
    expect(
      await printed(
        'v = tf.Variable([1.0, 2.0], name="v")',
        "inc = tf.assign_add(v, [10.0, 10.0])",
        "saver = tf.train.Saver()",
        "with tf.Session() as sess:",
        "    sess.run(tf.global_variables_initializer())",
        "    sess.run(inc)",
        '    path = saver.save(sess, "/ckpt/model", global_step=7)',
        "    print(path)",
        "    sess.run(inc)",
        "with tf.Session() as sess:",
        '    saver.restore(sess, tf.train.latest_checkpoint("/ckpt"))',
        "    print(sess.run(v))",
        "    try:",
        '        saver.restore(sess, "/ckpt/missing")',
        "    except ValueError as e:",
        "        print(e)",
      ),
    ).toEqual(["/ckpt/model-7", "[11. 12.]", "The passed save_path is not a valid checkpoint: /ckpt/missing"]);
  });
});
