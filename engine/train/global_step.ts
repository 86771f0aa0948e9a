/**
 * The global step: a non-trainable counter variable that `minimize(loss, {global_step})`
 * increments after each training step: an int64 scalar, as TF's.
 */
import { EngineContext } from "../context.js";
import { Graph } from "../graph.js";
import { ValueError } from "../errors.js";
import { int64 } from "../dtypes.js";
import { Variable, GraphKeys } from "../variables.js";
import { zerosInitializer } from "../api/initializer.js";
import { get_variable } from "../api/tf/state.js";

/** The graph's global step variable, or null. */
export function getGlobalStep(graph: Graph): Variable | null {
  const items = graph.get_collection(GraphKeys.GLOBAL_STEP);
  if (items.length === 1) return items[0] as Variable;
  if (items.length > 1) throw new Error("TypeError: Multiple tensors in global_step collection.");
  return null;
}

/** Creates `global_step` (an int scalar starting at 0) in `graph`. */
export function createGlobalStep(ctx: EngineContext, graph: Graph): Variable {
  if (getGlobalStep(graph) !== null) throw new ValueError('"global_step" already exists.');
  return graph.as_default(() =>
    graph.name_scope(null, () =>
      get_variable(ctx, GraphKeys.GLOBAL_STEP, [], int64, zerosInitializer(ctx), null, false, [GraphKeys.GLOBAL_VARIABLES, GraphKeys.GLOBAL_STEP]),
    ),
  );
}
