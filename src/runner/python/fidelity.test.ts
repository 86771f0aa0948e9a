/**
 * Fetched values in Python are what TF 1.x gives on Python 3, printed as numpy 1.x prints them:
 * strings are bytes (`b'Hello, TensorFlow!'`, `[b'a' b'bc']`), a float32 scalar is `7.0`,
 * argmax gives numpy.int64, and ops that return namedtuples (`TopKV2`, `Unique`) return them in
 * Python too, before and after `sess.run`.
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

/** Runs the Python `lines` after `import tensorflow as tf` and `sess = tf.Session()`; its stdout lines. */
async function printed(...lines: string[]): Promise<string[]> {
  const events: ProgramEvent[] = [];
  const source = ["import tensorflow as tf", "import numpy as np", "sess = tf.Session()", ...lines].join("\n");
  const end: EndEvent = await runProgram(source, { seed: 1, emit: (e) => events.push(e), language: "python", python: rt });
  expect(end.error ?? null).toBe(null);
  return events.flatMap((e) => (e.type === "stdout" ? [e.text] : []));
}

describe("Python values from sess.run", () => {
  it("are bytes for a string tensor, as TF 1.x returns on Python 3", async () => {
    expect(
      await printed(
        'h = sess.run(tf.constant("Hello, TensorFlow!"))',
        "print(h)",
        "print(type(h).__name__, len(h), h == b'Hello, TensorFlow!', h.decode())",
        'print(sess.run(tf.constant("héllo")))',
        "print('%s|%r' % (h[:5], h[:5]))",
      ),
    ).toEqual(["b'Hello, TensorFlow!'", "bytes 18 True Hello, TensorFlow!", "b'h\\xc3\\xa9llo'", "b'Hello'|b'Hello'"]);
  });

  it("are object arrays of bytes for a string array, printed and indexed as numpy does", async () => {
    expect(
      await printed(
        'a = sess.run(tf.constant(["a", "bc"]))',
        "print(a)",
        "print(repr(a))",
        "print(a[1], type(a[0]).__name__, a.tolist(), a.shape)",
        "print([x.decode() for x in a])",
      ),
    ).toEqual(["[b'a' b'bc']", "array([b'a', b'bc'], dtype=object)", "b'bc' bytes [b'a', b'bc'] (2,)", "['a', 'bc']"]);
  });

  it("take bytes and str alike where a string goes in: constants and feeds", async () => {
    expect(
      await printed(
        "s = tf.placeholder(tf.string)",
        "print(sess.run(s, feed_dict={s: 'fed'}), sess.run(s, {s: b'bytes'}))",
        "print(sess.run(tf.constant(b'raw')), sess.run(tf.constant([b'x', b'yz'])))",
        "print(sess.run(tf.constant(b'ab')) + b'c')",
      ),
    ).toEqual(["b'fed' b'bytes'", "b'raw' [b'x' b'yz']", "b'abc'"]);
  });

  it("are numpy scalars: float32 prints 7.0, argmax is an int64", async () => {
    expect(
      await printed(
        "f = sess.run(tf.constant(7.0))",
        "print(f, repr(f), type(f).__name__)",
        "i = sess.run(tf.argmax([1, 3, 2]))",
        "print(i, type(i).__name__, type(i).__module__)",
        "print(sess.run([tf.reduce_mean([1.0, 2.0, 3.0]), tf.constant(0.1) * 3]))",
      ),
    ).toEqual(["7.0 7.0 float32", "1 int64 numpy", "[2.0, 0.3]"]);
  });

  it("keep TF's namedtuples: TopKV2 and Unique, as tensors and as fetched values", async () => {
    expect(
      await printed(
        "r = tf.nn.top_k([1, 3, 2], 2)",
        "print(r)",
        "print(type(r).__name__, type(r).__module__, r.values.name, r[1].name)",
        "v = sess.run(r)",
        "print(v)",
        "values, indices = v",
        "print(values, indices, v.indices)",
        "print(sess.run(tf.unique([4, 4, 5])))",
        "print(sess.run(tf.unique_with_counts([4, 4, 5])).count)",
      ),
    ).toEqual([
      "TopKV2(values=<tf.Tensor 'TopKV2:0' shape=(2,) dtype=int32>, indices=<tf.Tensor 'TopKV2:1' shape=(2,) dtype=int32>)",
      "TopKV2 tensorflow.python.ops.gen_nn_ops TopKV2:0 TopKV2:1",
      "TopKV2(values=array([3, 2], dtype=int32), indices=array([1, 2], dtype=int32))",
      "[3 2] [1 2] [1 2]",
      "Unique(y=array([4, 5], dtype=int32), idx=array([0, 0, 1], dtype=int32))",
      "[2 1]",
    ]);
  });
});
