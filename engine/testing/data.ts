/**
 * Helpers of the tf.data tests (engine/api/data/*.test.ts): a program's tf with its records,
 * every element of a dataset through a one-shot iterator, fetched values as plain JS.
 */
import { createTF } from "../tf.js";
import { operatorRuntime } from "../api/operators.js";
import { NpScalar } from "../numpy/scalar.js";
import { NDArray } from "../ndarray.js";
import type { RunRecord } from "../records.js";

/** Fetched values as plain JS: numpy scalars as numbers, arrays as nested lists. */
export function plain(v: unknown): unknown {
  if (v instanceof NpScalar) return v.item();
  if (v instanceof NDArray) return v.toArray();
  if (Array.isArray(v)) return v.map(plain);
  if (v !== null && typeof v === "object" && Object.getPrototypeOf(v) === Object.prototype) {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)]));
  }
  return v;
}

export function setup() {
  const runs: RunRecord[] = [];
  const nodes: { name: string; op: string; graph: number; attrs?: Record<string, unknown> }[] = [];
  const tf = createTF({ onRun: (r) => runs.push(structuredClone(r)), onNode: (n) => nodes.push(n), seedSource: () => 7 });
  const py = operatorRuntime(tf.get_default_graph().ctx);
  return { tf, py, runs, nodes };
}

/** Every element of a one-shot iterator over `ds`, until OutOfRangeError. */
export function elements(tf: ReturnType<typeof setup>["tf"], ds: any, sess = tf.Session()): unknown[] {
  const next = ds.make_one_shot_iterator().get_next();
  const out: unknown[] = [];
  for (;;) {
    try {
      out.push(plain(sess.run(next)));
    } catch (e) {
      if (e instanceof tf.errors.OutOfRangeError) return out;
      throw e;
    }
  }
}

export function errorOf(f: () => unknown): Error {
  try {
    f();
  } catch (e) {
    return e as Error;
  }
  throw new Error("expected an error");
}

