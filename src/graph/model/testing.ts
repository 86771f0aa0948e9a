/**
 * Small factories for node events and runs, shaped like the engine's records (the field
 * values below were copied from real engine output), for the model's tests and the bench.
 */
import type { NodeEvent } from "../../runner/events";
import type { RunLike } from "./highlight";

export interface OpSpec {
  inputs?: string[];
  control?: string[];
  ref?: string[];
  line?: number | null;
  effects?: string[];
  dtype?: string | null;
  shape?: string | null;
  attrs?: Record<string, unknown>;
}

const EFFECTS: Record<string, string[]> = {
  VariableV2: ["variable"],
  Placeholder: ["placeholder"],
  Assign: ["writes-variable"],
  AssignAdd: ["writes-variable"],
  ApplyGradientDescent: ["writes-variable"],
  ApplyAdam: ["writes-variable"],
  Print: ["prints"],
};

export function op(name: string, type: string, spec: OpSpec = {}): NodeEvent {
  return {
    type: "node",
    name,
    op: type,
    inputs: spec.inputs ?? [],
    control_inputs: spec.control ?? [],
    ref_inputs: spec.ref ?? [],
    dtype: spec.dtype === undefined ? "float32" : spec.dtype,
    shape: spec.shape === undefined ? "()" : spec.shape,
    line: spec.line ?? null,
    effects: spec.effects ?? EFFECTS[type] ?? [],
    graph: 0,
    ...(spec.attrs ? { attrs: spec.attrs } : {}),
  };
}

/** The four ops `tf.get_variable(name, [], {initializer: tf.constant_initializer(...)})` makes. */
export function variable(name: string, line: number | null = null): NodeEvent[] {
  return [
    op(`${name}/Initializer/Const`, "Const", { line }),
    op(name, "VariableV2", { line, dtype: "float32_ref" }),
    op(`${name}/Assign`, "Assign", { inputs: [`${name}/Initializer/Const:0`], ref: [`${name}:0`], line }),
    op(`${name}/read`, "Identity", { inputs: [`${name}:0`], line }),
  ];
}

export function run(spec: Partial<RunLike> & { path: string[] }): RunLike {
  return { index: 0, session: 0, line: null, fetches: [], feeds: [], side_effects: [], ok: true, ...spec };
}
