/**
 * `tf.gradients` and `tf.tuple`: the gradient subgraph as visible nodes, and gating.
 */
import type { EngineContext } from "../../context.js";
import type { Tensor } from "../../graph.js";
import { gradients as buildGradients } from "../../gradients/gradients.js";
import { pyfunc } from "../pyargs.js";
import { tupleOf, type Name } from "../build.js";

/**
 * Symbolic gradients of `sum(ys)` with respect to each of `xs`, added to the graph under
 * `gradients/`. An x that ys does not depend on gets `null`.
 * @example
 * const [dm, db] = tf.gradients(loss, [m, b]);
 */
export const gradients = pyfunc(
  "gradients",
  ["ys", "xs", "grad_ys", "name", "colocate_gradients_with_ops", "gate_gradients", "aggregation_method", "stop_gradients", "unconnected_gradients"],
  (
    ctx: EngineContext,
    ys: unknown,
    xs: unknown,
    grad_ys: unknown[] | unknown | null = null,
    name: string = "gradients",
    colocate_gradients_with_ops: boolean = false,
    gate_gradients: boolean = false,
    aggregation_method: unknown = null,
    stop_gradients: unknown[] | unknown | null = null,
    unconnected_gradients: "none" | "zero" = "none",
  ): (Tensor | null)[] => {
    void [colocate_gradients_with_ops, aggregation_method];
    return buildGradients(ctx, ys, xs, {
      gradYs: grad_ys === null || grad_ys === undefined ? null : Array.isArray(grad_ys) ? grad_ys : [grad_ys],
      name,
      gateGradients: !!gate_gradients,
      stopGradients: stop_gradients === null || stop_gradients === undefined ? [] : Array.isArray(stop_gradients) ? stop_gradients : [stop_gradients],
      unconnected: String(unconnected_gradients).toLowerCase().includes("zero") ? "zero" : "none",
    });
  },
);

/**
 * Groups tensors so that each output waits for all of them (TF's `tf.tuple`).
 * @example
 * const [ga, gb] = tf.tuple([da, db]);
 */
export const tuple = pyfunc(
  "tuple",
  ["tensors", "name", "control_inputs"],
  (ctx: EngineContext, tensors: (Tensor | null)[], name: Name = null, control_inputs: unknown[] | null = null): (Tensor | null)[] =>
    tupleOf(ctx, tensors, name, control_inputs),
);
