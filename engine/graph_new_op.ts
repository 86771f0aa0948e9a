/**
 * A new op in a graph: what it must satisfy (TF's errors for a finalized graph, a taken or
 * invalid name, an input from another graph; the playground's op limit), and what its outputs
 * are — dtypes and shapes from its declaration's inference, with TF's shape-mismatch text.
 */
import { ResourceExhaustedError, RuntimeError, ValueError } from "./errors.js";
import type { Graph } from "./graph.js";
import type { Attrs, Tensor } from "./graph_elements.js";
import type { AnyOpDef, InferContext } from "./op.js";
import type { DType } from "./dtypes.js";
import type { TensorShape } from "./shape.js";
import { constValueOf } from "./ops/support/const_value.js";

export const VALID_OP_NAME = /^[A-Za-z0-9.][A-Za-z0-9_.\-/>]*$/;

/** Checks a new op named `name` (`taken`: the name is in use); returns its inputs, captured into the graph while a function is traced. */
export function checkNewOp(graph: Graph, name: string, taken: boolean, inputs: Tensor[]): Tensor[] {
  if (graph.finalized) throw new RuntimeError("Graph is finalized and cannot be modified.");
  const n = graph._ops.length;
  if (n >= graph.ctx.limits.maxOps) {
    throw new ResourceExhaustedError(
      `The graph already has ${n} ops, the playground's limit. Is a loop creating new ops on every step? Build the graph once and only call sess.run in the loop.`,
      name,
    );
  }
  if (taken) throw new ValueError(`Duplicate node name in graph: '${name}'`);
  if (!VALID_OP_NAME.test(name)) throw new ValueError(`'${name}' is not a valid node name`);
  const capture = graph._capture;
  if (capture !== null && inputs.some((t) => t.graph !== graph)) inputs = inputs.map((t) => (t.graph === graph ? t : capture(t)));
  for (const t of inputs) {
    if (t.graph !== graph) {
      throw new ValueError(`Tensor ${t} must be from the same graph as ${inputs.find((x) => x.graph === graph) ?? "the default graph"}.`);
    }
  }
  return inputs;
}

/** The dtypes and shapes of a new op's outputs. */
export function inferOutputs(def: AnyOpDef, inputs: readonly Tensor[], attrs: Attrs, name: string): [DType[], (TensorShape | undefined)[]] {
  const dtypes = inputs.map((t) => t.dtype.base_dtype);
  const shapes = inputs.map((t) => t.shape);
  const infer: InferContext<Attrs> = {
    opName: name,
    opType: def.type,
    shapes,
    dtypes,
    attrs,
    constValue: (i) => constValueOf(inputs[i]),
    fail: (msg) => {
      throw new ValueError(`${msg} for '${name}' (op: '${def.type}') with input shapes: ${shapes.map((s) => s.debugString().replace("<unknown>", "?")).join(", ")}.`);
    },
  };
  const outDtypes = def.inferDtype(infer);
  const outShapes = def.inferShape(infer);
  return [outDtypes, outShapes];
}
