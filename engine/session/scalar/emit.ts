/**
 * The scalar compiler's emitters: one per kind of step, chosen by the op's declared facts
 * (engine/op.ts), never by its type. Each writes the step's lines into the Emitter, or returns
 * false when the step cannot be compiled (the plan then stays with the generic executor).
 *
 * - fixed: a pure step over constants, or one that reads only shapes (all fixed here);
 * - variable: an op with the `variable` effect reads its cell;
 * - update: an op with a `scalarUpdate` writes its variable (and records the effect);
 * - pass-through: an op with a `scalarPassThrough` forwards an input;
 * - elementwise: an op with a `scalar` form computes it, inlined when it can be.
 */
import { float32, int32, int64 } from "../../dtypes.js";
import { elementFn } from "../../op.js";
import { Memo } from "../plan.js";
import type { StepRun } from "../run_state.js";
import { Emitter, isScalarNumeric, round } from "./emitter.js";
import { inlineScalar } from "./inline.js";

/** Emits step `si`; false when it cannot be compiled. */
export function emitStep(e: Emitter, s: StepRun, si: number): boolean {
  const def = s.step.def;
  if (def.deadInputs !== undefined && def.deadInputs !== "propagate") return false;
  if (emitFixed(e, s)) return true;
  if (s.nOut > 1) return false;
  if (def.effects.includes("variable")) return emitVariable(e, s);
  if (def.scalarUpdate !== undefined) return emitUpdate(e, s, si);
  if (def.effects.length > 0 || !isScalarNumeric(s.nOut === 1 ? e.values[s.outSlot] : null)) return false;
  if (def.scalarPassThrough !== undefined) return emitPassThrough(e, s);
  if (def.scalar !== undefined) return emitElementwise(e, s);
  return false;
}

/** A pure op over constants, or a shape op over fixed-shape scalars: its outputs are fixed. */
function emitFixed(e: Emitter, s: StepRun): boolean {
  const inputsConst = s.inSlots.every((slot, j) => slot >= 0 && e.isConst[slot] === 1 && (s.varIn?.[j] ?? null) === null);
  if (!((s.memo !== Memo.None && inputsConst) || s.memo === Memo.Shapes)) return false;
  for (let j = 0; j < s.nOut; j++) e.isConst[s.outSlot + j] = 1;
  return true;
}

/** A variable's output: its cell's number (and the slot holds the variable's buffer). */
function emitVariable(e: Emitter, s: StepRun): boolean {
  const cell = s.cell(-1);
  const v = cell.value;
  if (!isScalarNumeric(v)) return false;
  e.lines.push(`const ${e.reg(s.outSlot)} = ${e.variable(cell, v.dtype)}[0];`);
  e.slotCell[s.outSlot] = cell;
  return true;
}

/** Writes the variable behind ref input 0: `new = f(old, a, b)`, stored in its buffer, recorded. */
function emitUpdate(e: Emitter, s: StepRun, si: number): boolean {
  const upd = s.step.def.scalarUpdate!;
  const cell = s.cell(0);
  const v = cell.value;
  if (!isScalarNumeric(v)) return false;
  const args: string[] = [];
  for (let j = 1; j < s.inSlots.length; j++) {
    const a = e.input(s, j);
    if (a === null) return false;
    args.push(`a${si}_${j}`);
    e.lines.push(`const a${si}_${j} = ${a};`);
  }
  const f = v.dtype === float32 ? (upd.f32 ?? upd.f) : v.dtype === int32 ? (upd.i32 ?? upd.f) : v.dtype === int64 ? (upd.i64 ?? upd.f) : upd.f;
  const old = `o${si}`;
  const expr = inlineScalar(f, [old, ...args]) ?? `G[${e.funcs.push(f) - 1}](${[old, ...args].join(", ")})`;
  const d = e.variable(cell, v.dtype);
  const k = e.effects.push({ step: s, kind: upd.effect, cell }) - 1;
  // The store rounds (or wraps) the new value as the kernel's does; the register reads it back.
  e.lines.push(`const ${old} = ${d}[0]; ${d}[0] = ${expr}; const eb${k} = ${old}, ea${k} = ${d}[0]; const ${e.reg(s.outSlot)} = ${d}[0];`);
  e.slotCell[s.outSlot] = cell;
  return true;
}

/** The output is an input: the same register (or, for the very buffer of a variable, that variable). */
function emitPassThrough(e: Emitter, s: StepRun): boolean {
  const { input: j, sameBuffer } = s.step.def.scalarPassThrough!;
  const c = e.cellOfInput(s, j);
  if (!isScalarNumeric(c !== null ? c.value : e.values[s.inSlots[j]])) return false;
  const expr = e.input(s, j);
  if (expr === null) return false;
  if (c !== null && sameBuffer) {
    // It passes the variable's buffer along: the slot keeps aliasing it, as in generic runs.
    e.lines.push(`const ${e.reg(s.outSlot)} = ${expr};`);
    e.slotCell[s.outSlot] = c;
    return true;
  }
  e.assign(s.outSlot, expr, e.values[s.outSlot]!.dtype);
  return true;
}

/** The op's element function on its inputs, rounded to the output dtype. */
function emitElementwise(e: Emitter, s: StepRun): boolean {
  const form = s.step.def.scalar!;
  const dt = e.values[s.outSlot]!.dtype;
  const f = elementFn(form, dt);
  if (f === null) return false;
  const args: string[] = [];
  for (let j = 0; j < s.inSlots.length; j++) {
    const a = e.input(s, j);
    if (a === null) return false;
    args.push(a);
  }
  e.assign(s.outSlot, round(inlineScalar(f, args) ?? `G[${e.funcs.push(f) - 1}](${args.join(", ")})`, dt), dt);
  return true;
}
