/**
 * What kind of node an op is, for styling and for the legend. The categories follow what the
 * tutorial teaches: constants, placeholders and variables are the three "no-ancestor" nodes;
 * side-effect ops (assigns, prints, optimizer updates, grouping NoOps) change the session's
 * state or the output when computation flows through them.
 */
import type { NodeEvent } from "../../runner/events";

export type NodeCategory =
  | "constant"
  | "placeholder"
  | "variable"
  | "op"
  | "assign"
  | "print"
  | "update"
  | "group";

/** Categories whose ops have side effects when they run. */
export const SIDE_EFFECT_CATEGORIES: ReadonlySet<NodeCategory> = new Set(["assign", "print", "update", "group"]);

const VARIABLE_OPS = new Set(["VariableV2", "Variable", "VarHandleOp", "AutoReloadVariable"]);
const PLACEHOLDER_OPS = new Set(["Placeholder", "PlaceholderV2", "PlaceholderWithDefault"]);

/** The category of an op, from its declared effects first and its type second. */
export function categoryOf(node: Pick<NodeEvent, "op" | "effects">): NodeCategory {
  const { op, effects } = node;
  if (effects.includes("variable") || VARIABLE_OPS.has(op)) return "variable";
  if (effects.includes("placeholder") || PLACEHOLDER_OPS.has(op)) return "placeholder";
  if (op === "Const") return "constant";
  if (effects.includes("prints") || op === "Print" || op === "PrintV2") return "print";
  // Optimizer updates are assigns too, but they are the "training step" learners look for.
  if (/^(Resource)?(Sparse)?Apply/.test(op)) return "update";
  if (effects.includes("writes-variable") || /^(Assign|AssignAdd|AssignSub|Scatter)/.test(op)) return "assign";
  // `init`, a train op: a NoOp only waits for its control inputs, whose effects it groups.
  if (op === "NoOp") return "group";
  return "op";
}

/** True for ops that draw random numbers (their value changes on every run). */
export function isRandom(node: Pick<NodeEvent, "op" | "effects">): boolean {
  return node.effects.includes("random") || /^(Random|TruncatedNormal|Multinomial)/.test(node.op);
}
