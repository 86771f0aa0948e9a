/**
 * `tf.while_loop` as TF 1.x builds it (control_flow_ops.py's `while_loop`, v1 control flow):
 * a WhileContext in name scope `while`, `cond` and `body` called once each to build the loop's
 * graph, `maximum_iterations` as an extra counter loop variable.
 */
import type { EngineContext } from "../../context.js";
import type { Tensor } from "../../graph.js";
import { PyTypeError, ValueError } from "../../errors.js";
import { TensorShape } from "../../shape.js";
import { convertToTensor } from "../convert_tensor.js";
import { buildersFor } from "../builders.js";
import { WhileContext } from "./while_context.js";
import { assertSameStructure, flatten } from "./nest.js";

export const WHILE_CONTEXT = "while_context";

type Fn = (...args: unknown[]) => unknown;

export interface WhileLoopArgs {
  cond: unknown;
  body: unknown;
  loopVars: unknown;
  shapeInvariants: unknown;
  parallelIterations: number;
  backProp: boolean;
  swapMemory: boolean;
  name: string | null;
  maximumIterations: unknown;
  returnSameStructure: boolean;
}

export function buildWhileLoop(ctx: EngineContext, a: WhileLoopArgs): unknown {
  if (typeof a.cond !== "function") throw new PyTypeError("cond must be callable.");
  if (typeof a.body !== "function") throw new PyTypeError("body must be callable.");
  if (a.parallelIterations < 1) throw new PyTypeError("parallel_iterations must be a positive integer.");
  const g = ctx.defaultGraph();
  return g._deferNodes(() =>
    g.name_scope(a.name || "while", () => {
      let loopVars = a.loopVars;
      if (loopVars === null || loopVars === undefined || (Array.isArray(loopVars) && loopVars.length === 0)) throw new ValueError("No loop variables provided");
      let cond = a.cond as Fn;
      let body = a.body as Fn;
      let shapeInvariants = a.shapeInvariants ?? null;
      let tryToPack = Array.isArray(loopVars) && loopVars.length === 1 && !a.returnSameStructure;
      let maxIter: Tensor | null = null;
      if (a.maximumIterations !== null && a.maximumIterations !== undefined) {
        maxIter = convertToTensor(ctx, a.maximumIterations, { name: "maximum_iterations" });
        if (maxIter.shape.ndims !== 0) throw new ValueError(`maximum_iterations must be a scalar, saw shape: ${maxIter.shape}`);
        const tf = buildersFor(ctx);
        const counter = tf.constant(0, maxIter.dtype.base_dtype, null, "iteration_counter");
        const origCond = cond;
        const origBody = body;
        const m = maxIter;
        if (tryToPack) {
          loopVars = [counter, (loopVars as unknown[])[0]];
          cond = (i, lv) => tf.logical_and(tf.less(i, m), origCond(lv));
          body = (i, lv) => [tf.add(i, 1), origBody(lv)];
        } else {
          loopVars = [counter, loopVars];
          cond = (i, lv) => tf.logical_and(tf.less(i, m), origCond(...listOf(lv)));
          body = (i, lv) => [tf.add(i, 1), origBody(...listOf(lv))];
        }
        tryToPack = false;
      }
      if (shapeInvariants !== null) {
        if (maxIter !== null) shapeInvariants = [new TensorShape([]), shapeInvariants];
        assertSameStructure(loopVars, shapeInvariants, false);
        const flatVars = flatten(loopVars);
        const flatShapes = flatten(shapeInvariants);
        shapeInvariants = flatShapes.map((s, i) => (s === null || s === undefined ? convertToTensor(ctx, flatVars[i]).shape : s));
      }
      const context = new WhileContext(ctx, {
        maximumIterations: maxIter,
        parallelIterations: a.parallelIterations,
        backProp: a.backProp,
        swapMemory: a.swapMemory,
      });
      if (context.outerContext === null) g.add_to_collection(WHILE_CONTEXT, context);
      const result = context.build(cond, body, loopVars, shapeInvariants, a.returnSameStructure);
      void tryToPack;
      return maxIter !== null ? (result as unknown[])[1] : result;
    }),
  );
}

/** A structure of loop variables as the arguments of `cond` and `body` (`*lv`). */
function listOf(x: unknown): unknown[] {
  return Array.isArray(x) ? x : [x];
}
