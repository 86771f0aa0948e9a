/**
 * Tracing a learner's function into a function graph, as TF's `StructuredFunctionWrapper`
 * does for `Dataset.map` and `filter`: the function runs once, now, on Placeholders standing
 * for an element's components (`args_0`, `args_1`, ...), in a graph of its own; a tensor of the
 * program's graph it uses is captured (a Placeholder in the function graph, fed on each call
 * with the value the dataset op read when it ran). The function graph's nodes are reported
 * like any graph's (their own graph id), so the app can show the function.
 */
import type { EngineContext } from "../../context.js";
import { Graph, Tensor } from "../../graph.js";
import { GraphFunction } from "../../function_graph.js";
import { applyOp } from "../apply.js";
import { PyTypeError, ValueError } from "../../errors.js";
import { pyStr } from "../../format/python.js";
import { ComponentSpec, normalizeElement } from "./structure.js";

const uids = new WeakMap<EngineContext, number>();

/** TF's function name: `__inference_Dataset_map_<name>_<uid>` (`<lambda>` for an anonymous function). */
function functionName(ctx: EngineContext, transformation: string, f: Function): string {
  const uid = (uids.get(ctx) ?? 0) + 1;
  uids.set(ctx, uid);
  const name = f.name && f.name !== "anonymous" ? f.name : "<lambda>";
  return `__inference_${transformation}_${name}_${uid}`;
}

export interface Traced {
  fn: GraphFunction;
  /** What the function returned, its leaves as tensors of the function graph. */
  structure: unknown;
  outputs: Tensor[];
}

/**
 * Traces `f` called with placeholders for `specs` (handed over by `callWith`) into a new
 * function graph. `transformation` is TF's readable name (`Dataset_map`).
 */
export function traceFunction(
  ctx: EngineContext,
  transformation: string,
  f: Function,
  specs: readonly ComponentSpec[],
  callWith: (args: Tensor[]) => unknown,
): Traced {
  const outer = ctx.defaultGraph();
  const fg = new Graph(ctx);
  fg.seed = outer.seed;
  const captured: Tensor[] = [];
  const capturedInputs: Tensor[] = [];
  const byOuter = new Map<Tensor, Tensor>();
  ctx.graphStack.push(fg);
  try {
    const args = specs.map((s, i) => applyOp(ctx, "Placeholder", [], { dtype: s.dtype, shape: s.shape }, `args_${i}`).outputs[0]);
    fg._capture = (t: Tensor): Tensor => {
      let p = byOuter.get(t);
      if (p === undefined) {
        p = applyOp(ctx, "Placeholder", [], { dtype: t.dtype.base_dtype, shape: t.shape }, t.op.name).outputs[0];
        byOuter.set(t, p);
        captured.push(t);
        capturedInputs.push(p);
      }
      return p;
    };
    const result = callWith(args);
    const readable = `${transformation.replace("_", ".")}()`;
    if (result === undefined || result === null) throw new PyTypeError(`Unsupported return value from function passed to ${readable}: None.`);
    let normalized: { structure: unknown; tensors: Tensor[] };
    try {
      normalized = normalizeElement(ctx, result, true);
    } catch (e) {
      // TF: type_spec_from_value failing on what the function returned.
      if (e instanceof TypeError || e instanceof ValueError) throw new PyTypeError(`Unsupported return value from function passed to ${readable}: ${pyStr(result)}.`);
      throw e;
    }
    const { structure, tensors } = normalized;
    // A result that is a tensor of the program's graph (or an argument passed through) is
    // still the function's: an outer tensor is captured.
    const outputs = tensors.map((t) => (t.graph === fg ? t : fg._capture!(t)));
    const fn = new GraphFunction(functionName(ctx, transformation, f), fg, args, outputs, captured, capturedInputs);
    return { fn, structure, outputs };
  } finally {
    fg._capture = null;
    ctx.graphStack.pop();
  }
}
