/**
 * Which inputs of an op are edges a plan orders by (shared by the plan and the flow plan).
 */
import type { Operation } from "../graph.js";

/**
 * Whether input `i` of `op` needs its producer to run first. A data input does; a ref input
 * is read and written through its variable's cell, so a variable's own ref needs nothing run,
 * but a ref an op hands on (an update's result, a RefSwitch's or RefEnter's output) needs that
 * op: `tf.assign_add(tf.assign(v, 5), 1)` assigns first, as in TF.
 */
export function waitsForInput(op: Operation, i: number): boolean {
  return !op.isRefInput(i) || !op.inputs[i].op.def.effects.includes("variable");
}
