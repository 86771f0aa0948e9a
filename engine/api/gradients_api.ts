/**
 * `tf.gradients` and `tf.tuple`: the gradient subgraph as visible nodes, and gating.
 */
import { EngineContext } from "../context.js";
import { Operation, Tensor } from "../graph.js";
import { ValueError } from "../errors.js";
import { gradients } from "../gradients/gradients.js";
import { PyArgs, pyfunc } from "./pyargs.js";
import { applyOp } from "./apply.js";

type Name = string | null;

/** Keyword arguments of `tf.gradients`. */
export interface GradientsKw {
  grad_ys?: unknown[] | unknown | null;
  name?: string;
  colocate_gradients_with_ops?: boolean;
  gate_gradients?: boolean;
  aggregation_method?: unknown;
  stop_gradients?: unknown[] | unknown | null;
  unconnected_gradients?: "none" | "zero";
}

export function gradientsApi(ctx: EngineContext) {
  const g = () => ctx.defaultGraph();
  return {
    /**
     * Symbolic gradients of `sum(ys)` with respect to each of `xs`, added to the graph under
     * `gradients/`. An x that ys does not depend on gets `null`.
     * @example
     * const [dm, db] = tf.gradients(loss, [m, b]);
     */
    gradients: pyfunc(
      "gradients",
      [
        "ys",
        "xs",
        ["grad_ys", null],
        ["name", "gradients"],
        ["colocate_gradients_with_ops", false],
        ["gate_gradients", false],
        ["aggregation_method", null],
        ["stop_gradients", null],
        ["unconnected_gradients", "none"],
      ],
      (ys: unknown, xs: unknown, gradYs: unknown, name: string, _c: boolean, gate: boolean, _a: unknown, stop: unknown, unconnected: "none" | "zero"): (Tensor | null)[] =>
        gradients(ctx, ys, xs, {
          gradYs: gradYs === null || gradYs === undefined ? null : Array.isArray(gradYs) ? gradYs : [gradYs],
          name,
          gateGradients: !!gate,
          stopGradients: stop === null || stop === undefined ? [] : Array.isArray(stop) ? stop : [stop],
          unconnected: String(unconnected).toLowerCase().includes("zero") ? "zero" : "none",
        }),
    ) as (...args: PyArgs<[ys: unknown, xs: unknown], [grad_ys: unknown], GradientsKw>) => (Tensor | null)[],

    /**
     * Groups tensors so that each output waits for all of them (TF's `tf.tuple`).
     * @example
     * const [ga, gb] = tf.tuple([da, db]);
     */
    tuple: pyfunc("tuple", ["tensors", ["name", null], ["control_inputs", null]], (tensors: (Tensor | Operation | null)[], name: Name, controlInputs: unknown[] | null): (Tensor | Operation | null)[] =>
      g().name_scope(name || "tuple", (): (Tensor | Operation | null)[] => {
        const gating = new Set<Operation>();
        for (const t of tensors) if (t !== null && t !== undefined) gating.add(t instanceof Operation ? t : (t as Tensor).op);
        for (const c of controlInputs ?? []) gating.add(c instanceof Tensor ? c.op : (c as Operation));
        if (gating.size === 0) throw new ValueError(`Must have at least one Tensor: ${tensors}`);
        const sorted = [...gating].sort((a, b) => a.id - b.id);
        const gate: Operation = ctx.tf.group(...sorted);
        return tensors.map((t): Tensor | Operation | null => {
          if (t === null || t === undefined) return null;
          if (t instanceof Operation) return g().control_dependencies([gate], (): Operation => ctx.tf.group(t));
          return g().name_scope("control_dependency", (scope): Tensor =>
            g().control_dependencies([gate], (): Tensor => applyOp(ctx, "Identity", [t], {}, scope).outputs[0]),
          );
        });
      }),
    ) as (...args: PyArgs<[tensors: (Tensor | null)[]], [name: Name], { name?: Name; control_inputs?: unknown[] | null }>) => (Tensor | null)[],
  };
}
