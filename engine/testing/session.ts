/**
 * The factory most engine tests start with: a fresh namespace (seeded), one session, and a
 * `run` that returns plain values (nested arrays for NDArrays, numbers for numpy scalars) so
 * results compare with `toBe` and `toEqual`.
 * Test-only: excluded from the engine's own build (tsconfig.engine.json).
 */
import { createTF } from "../tf.js";
import { operatorRuntime } from "../api/operators.js";
import { plain } from "./plain.js";
import type { Tensor } from "../graph.js";

export function evalSetup() {
  const tf = createTF({ seedSource: () => 7 });
  const sess = tf.Session();
  const run = (t: Tensor, feeds?: Map<Tensor, unknown>): unknown => {
    const v = sess.run(t, feeds ? { feed_dict: feeds } : undefined);
    return plain(v);
  };
  return { tf, sess, run, py: operatorRuntime(tf.get_default_graph().ctx) };
}
