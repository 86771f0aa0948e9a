/**
 * The record a new op emits (`hooks.onNode`): plain data the graph pane draws, with the few
 * attrs worth showing (Const values, Print messages, dtypes, shapes).
 */
import { DType } from "./dtypes.js";
import type { NDArray } from "./ndarray.js";
import type { NodeRecord } from "./records.js";
import { TensorShape } from "./shape.js";
import type { Operation } from "./graph_elements.js";
import { flowRecordsOf } from "./flow_context.js";
import { GraphFunction } from "./function_graph.js";

/** The node record of `op`, in graph `graphId`. */
export function nodeRecordOf(op: Operation, graphId: number): NodeRecord {
  const out0 = op.outputs[0];
  const record: NodeRecord = {
    type: "node",
    graph: graphId,
    name: op.name,
    op: op.type,
    inputs: op.inputs.filter((_, i) => !op.isRefInput(i)).map((t) => t.name),
    control_inputs: op.control_inputs.map((c) => c.name),
    ref_inputs: op.inputs.filter((_, i) => op.isRefInput(i)).map((t) => t.name),
    dtype: out0 ? out0.dtype.displayName : null,
    shape: out0 ? String(out0.shape) : null,
    line: op.line,
    effects: [...op.def.effects],
  };
  const display = displayAttrs(op);
  if (display) record.attrs = display;
  const flow = flowRecordsOf(op);
  if (flow) record.flow = flow;
  if (op.device !== "") record.device = op.device;
  return record;
}

/** A few attrs worth showing in the graph pane (Const values, Print messages). */
function displayAttrs(op: Operation): Record<string, unknown> | undefined {
  const out: Record<string, unknown> = {};
  let any = false;
  for (const [k, v] of Object.entries(op.attrs)) {
    if (k.startsWith("_")) continue;
    if (k === "value" && v && typeof (v as NDArray).toString === "function" && (v as NDArray).size !== undefined) {
      const arr = v as NDArray;
      out.value = arr.size <= 16 ? (arr.shape.length === 0 ? arr.flatAt(0) : arr.toString()) : `${arr.dtype.name} ${JSON.stringify(arr.shape)}`;
      any = true;
    } else if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") {
      out[k] = v;
      any = true;
    } else if (v instanceof DType) {
      out[k] = v.name;
      any = true;
    } else if (Array.isArray(v) && v.length > 0 && v.every((x) => x instanceof DType || x instanceof TensorShape)) {
      // A dataset's or iterator's output_types / output_shapes: one entry per component.
      out[k] = v.map((x) => (x instanceof DType ? x.name : String(x)));
      any = true;
    } else if (v instanceof GraphFunction) {
      // A function attr (MapDataset's `f`) shows the function's name, as TF's NodeDef does,
      // and `<attr>_graph` the graph id its ops are reported under (so the app can name it).
      out[k] = v.name;
      if (v.graph.id !== op.graph.id) out[`${k}_graph`] = v.graph.id;
      any = true;
    } else if (v instanceof TensorShape) {
      out[k] = String(v);
      any = true;
    }
  }
  return any ? out : undefined;
}
