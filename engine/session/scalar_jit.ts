/**
 * A compiler for plans whose values are all scalars: the tutorial's training loop feeds two
 * numbers, computes a few dozen scalar ops and updates two scalar variables, 100,000 times.
 * Once the generic executor has run such a plan, this turns it into one straight-line JS
 * function over local variables — no NDArrays, no kernel calls — with the same float32
 * rounding as the kernels (each op's ScalarForm, rounded with Math.fround) and the same side
 * effects and records. Anything it cannot prove scalar (an op without a scalar form, a
 * non-scalar value, a feed that is not a number, an uninitialized variable) leaves the plan
 * to the generic executor, which also produces TF's errors.
 */
import { DType, float32, float64, int32 } from "../dtypes.js";
import { NDArray } from "../ndarray.js";
import type { VariableCell } from "../op.js";
import type { CompiledPlan, SessionPort, Step } from "./compiled.js";
import { inlineScalar } from "./scalar_inline.js";

/** Runs the compiled plan; false means "not applicable this time" (nothing was changed). */
export type ScalarProgram = (fed: readonly unknown[], results: unknown[], recording: boolean) => boolean;

/** Ops whose 0-d output is their (0-d) first input. */
const PASS_THROUGH = new Set(["Identity", "StopGradient", "PreventGradient", "Reshape", "Squeeze", "Sum", "Mean", "Max", "Min", "Prod"]);

/** Ops that write a variable, with the update as an expression of the old value `o` and input `a`/`b`. */
const UPDATES: Record<string, { kind: "assign" | "update"; expr: (f32: boolean, int: boolean) => string }> = {
  Assign: { kind: "assign", expr: () => "a" },
  AssignAdd: { kind: "assign", expr: (_f, int) => (int ? "(o + a) | 0" : "o + a") },
  AssignSub: { kind: "assign", expr: (_f, int) => (int ? "(o - a) | 0" : "o - a") },
  // ApplyGradientDescent(var, alpha, delta): var - round(delta * alpha), as its kernel.
  ApplyGradientDescent: { kind: "update", expr: (f32) => (f32 ? "o - Math.fround(b * a)" : "o - b * a") },
};

function isScalarNumeric(v: NDArray | null): v is NDArray {
  return v !== null && v.shape.length === 0 && (v.dtype === float32 || v.dtype === float64 || v.dtype === int32);
}

/** Rounds a JS expression to `dtype`, as storing it into that dtype's typed array would. */
function round(expr: string, dtype: DType): string {
  if (dtype === float32) return `Math.fround(${expr})`;
  if (dtype === int32) return `((${expr}) | 0)`;
  return `(${expr})`;
}

/**
 * Compiles `plan` after a successful generic run (its value slots hold that run's values), or
 * returns null when the plan is not all-scalar.
 */
export function compileScalar(plan: CompiledPlan, cellOf: (op: Step["op"]) => VariableCell, port: Pick<SessionPort, "effects">): ScalarProgram | null {
  const steps = plan.steps;
  const values = plan.values;
  const nSlots = values.length;
  // Slots whose value cannot change between runs: outputs of pure steps over constant inputs
  // (Consts, and shape computations, since every other value is a fixed-shape scalar here).
  const isConst = new Uint8Array(nSlots);
  const feedSlot = new Set(plan.feedSlots);
  const lines: string[] = [];
  const funcs: ((...x: number[]) => number)[] = [];
  const consts: number[] = [];
  const cells: VariableCell[] = [];
  const cellDtypes: DType[] = [];
  const owned: NDArray[] = [];
  const effectSteps: Step[] = [];
  const effectKinds: ("assign" | "update")[] = [];
  /**
   * The variable whose own buffer a slot holds (a VariableV2's output, an identity or
   * same-shape reshape of one, an update op's output). The generic executor passes that
   * buffer along, so a consumer sees an assign made earlier in the same run: here such a
   * consumer reads the variable again instead of a register.
   */
  const slotCell: (VariableCell | null)[] = new Array(nSlots).fill(null);
  const reg = (slot: number) => `r${slot}`;
  const cellIndex = (cell: VariableCell, dtype: DType): number => {
    let i = cells.indexOf(cell);
    if (i < 0) {
      i = cells.push(cell) - 1;
      cellDtypes.push(dtype);
    }
    return i;
  };
  /** The expression reading input j of a step: a fresh variable read, a constant, or a register. */
  const cellOfInput = (s: Step, j: number): VariableCell | null => s.varIn?.[j] ?? (s.inSlots[j] >= 0 ? slotCell[s.inSlots[j]] : null);
  const input = (s: Step, j: number): string | null => {
    const c = cellOfInput(s, j);
    const slot = s.inSlots[j];
    if (c !== null) {
      const v = c.value;
      if (!isScalarNumeric(v)) return null;
      return `c${cellIndex(c, v.dtype)}[0]`;
    }
    if (slot < 0) return null;
    if (isConst[slot]) {
      const v = values[slot];
      if (!isScalarNumeric(v)) return null;
      return `K[${consts.push(v.data[0] as number) - 1}]`;
    }
    return reg(slot);
  };

  // Feeds: numbers into the plan's 0-d feed buffers (what RunLive shows), then registers.
  for (let i = 0; i < plan.feedSlots.length; i++) {
    const buf = plan.feedBuffers[i];
    if (buf === null || !isScalarNumeric(buf)) return null;
    lines.push(`if (typeof F[${i}] !== "number") return false;`);
  }
  const preChecks = lines.length;

  for (let si = 0; si < steps.length; si++) {
    const s = steps[si];
    const type = s.op.type;
    const out = s.outSlot;
    const inputsConst = s.inSlots.every((slot, j) => slot >= 0 && isConst[slot] === 1 && (s.varIn?.[j] ?? null) === null);
    if ((s.memo !== 0 && inputsConst) || s.memo === 2) {
      // A pure op over constants, or a shape op over fixed-shape scalars: its outputs are fixed.
      for (let j = 0; j < s.nOut; j++) isConst[out + j] = 1;
      continue;
    }
    if (s.nOut > 1) return null;
    const outVal = s.nOut === 1 ? values[out] : null;
    if (type === "VariableV2") {
      const cell = cellOf(s.op);
      const v = cell.value;
      if (!isScalarNumeric(v)) return null;
      lines.push(`const ${reg(out)} = c${cellIndex(cell, v.dtype)}[0];`);
      slotCell[out] = cell;
      continue;
    }
    const upd = UPDATES[type];
    if (upd !== undefined) {
      const cell = cellOf(s.op.inputs[0].op);
      const v = cell.value;
      if (!isScalarNumeric(v)) return null;
      const ci = cellIndex(cell, v.dtype);
      const a = input(s, 1);
      const b = s.inSlots.length > 2 ? input(s, 2) : "0";
      if (a === null || b === null) return null;
      const e = effectSteps.push(s) - 1;
      effectKinds.push(upd.kind);
      const d = `d${si}`;
      const body = upd.expr(v.dtype === float32, v.dtype === int32).replace(/\bo\b/g, `o${si}`).replace(/\ba\b/g, `a${si}`).replace(/\bb\b/g, `b${si}`);
      lines.push(
        `const ${d} = c${ci}, o${si} = ${d}[0], a${si} = ${a}, b${si} = ${b}; ${d}[0] = ${body}; const eb${e} = o${si}, ea${e} = ${d}[0]; const ${reg(out)} = ${d}[0];`,
      );
      slotCell[out] = cell;
      continue;
    }
    if (s.def.effects.length > 0 || !isScalarNumeric(outVal)) return null;
    const dt = outVal.dtype;
    let expr: string | null = null;
    if (PASS_THROUGH.has(type)) {
      const c = cellOfInput(s, 0);
      if (!isScalarNumeric(c !== null ? c.value : values[s.inSlots[0]])) return null;
      expr = input(s, 0);
      if (expr !== null && c !== null) {
        // It passes the variable's buffer along: the slot keeps aliasing it, as in generic runs.
        lines.push(`const ${reg(out)} = ${expr};`);
        slotCell[out] = c;
        continue;
      }
    } else if (type === "Fill") {
      expr = input(s, 1);
    } else if (type === "ZerosLike") {
      expr = "0";
    } else if (type === "Cast" && dt !== int32) {
      const x = input(s, 0);
      expr = x === null ? null : round(x, dt);
    } else if (s.def.scalar !== undefined) {
      const form = s.def.scalar;
      const f = dt === int32 ? form.i32 : dt === float32 ? (form.f32 ?? form.f) : form.f;
      if (f === null || f === undefined) return null;
      const args: string[] = [];
      for (let j = 0; j < s.inSlots.length; j++) {
        const a = input(s, j);
        if (a === null) return null;
        args.push(a);
      }
      expr = round(inlineScalar(f, args) ?? `G[${funcs.push(f) - 1}](${args.join(", ")})`, dt);
    }
    if (expr === null) return null;
    lines.push(`const ${reg(out)} = ${expr};`);
    // The plan's value slot gets its own buffer, written back after the run (for RunLive and
    // for the generic executor, which may take over later).
    const own = NDArray.zeros(dt, []);
    (own.data as Float64Array)[0] = outVal.data[0] as number; // the value of the run just done
    values[out] = own;
    owned[out] = own;
  }

  // Fetched tensors: their registers (or constants); an op fetch stays null.
  const fetchLines: string[] = [];
  for (let i = 0; i < plan.fetchLeaves.length; i++) {
    const slot = plan.fetchSlots[i];
    if (slot < 0) continue;
    const v = values[slot];
    if (!isScalarNumeric(v)) return null;
    if (isConst[slot]) fetchLines.push(`R[${i}] = K[${consts.push(v.data[0] as number) - 1}];`);
    else if (feedSlot.has(slot)) fetchLines.push(`R[${i}] = P[${plan.feedSlots.indexOf(slot)}].data[0];`);
    else fetchLines.push(`R[${i}] = ${reg(slot)};`);
  }

  // Variable cells must hold scalars of the compiled dtype before anything runs.
  // Each variable's buffer is read once: the program writes variables in place, so within a
  // run a variable keeps its buffer (`c0[0]` reads the value as of that point of the run).
  const cellChecks = cells.map((_, i) => `const v${i} = C[${i}].value; if (v${i} === null || v${i}.dtype !== D[${i}] || v${i}.shape.length !== 0) return false; const c${i} = v${i}.data;`);
  const feedLines = Array.from(plan.feedSlots, (slot, i) => {
    const dt = plan.feedBuffers[i]!.dtype;
    const conv = dt === int32 ? `(Number.isFinite(F[${i}]) ? Math.trunc(F[${i}]) | 0 : -2147483648)` : `F[${i}]`;
    return `const p${i} = P[${i}].data; p${i}[0] = ${conv}; if (V[${slot}] !== P[${i}]) V[${slot}] = P[${i}]; const ${reg(slot)} = p${i}[0];`;
  });
  // Registers go back to the plan's value slots for RunLive. The fetched ones (which the
  // listener reads every run) at once; the others into one scratch array, copied to their
  // slots only when someone asks for every value (plan.syncValues).
  const fetchedSlot = new Set(plan.fetchSlots);
  const writeBack: string[] = [];
  const deferred: number[] = [];
  owned.forEach((_, slot) => {
    if (fetchedSlot.has(slot)) writeBack.push(`V[${slot}].data[0] = ${reg(slot)};`);
    else {
      writeBack.push(`W[${slot}] = ${reg(slot)};`);
      deferred.push(slot);
    }
  });
  if (deferred.length) writeBack.push("L.valuesPending = true;");
  const scratch = new Float64Array(nSlots);
  plan.syncDeferred = () => {
    for (const slot of deferred) (values[slot]!.data as Float64Array)[0] = scratch[slot];
  };
  const body = [
    '"use strict";',
    ...lines.slice(0, preChecks),
    ...cellChecks,
    ...feedLines,
    ...lines.slice(preChecks),
    ...fetchLines,
    ...writeBack,
    effectSteps.length > 0 ? `if (rec) E(${effectSteps.map((_, e) => `eb${e}, ea${e}`).join(", ")});` : "",
    "return true;",
  ].join("\n");
  const feedBuffers = plan.feedBuffers;
  // The run's effect records, made in one array literal after the run: ops, kinds and
  // variables are fixed per plan, only the values before and after change (the generic
  // kernels' records have the same keys, in the same order).
  const effectRecords = effectSteps.map((st, e) => {
    const fields = [`op: ${JSON.stringify(st.op.name)}`, `kind: ${JSON.stringify(effectKinds[e])}`, `target: ${JSON.stringify(cellOf(st.op.inputs[0].op).name)}`];
    return `{${fields.join(", ")}, before: b${e}, after: a${e}}`;
  });
  const params = effectSteps.flatMap((_, e) => [`b${e}`, `a${e}`]);
  const effect = new Function("PORT", `return function recordEffects(${params.join(", ")}) { PORT.effects = [${effectRecords.join(", ")}]; };`)(port) as (...x: number[]) => void;
  // A factory closing over the plan's tables, so that the run calls the program itself.
  const factory = new Function("V", "C", "D", "K", "G", "P", "E", "W", "L", `return function scalarProgram(F, R, rec) {\n${body}\n};`) as (...a: unknown[]) => ScalarProgram;
  return factory(values, cells, cellDtypes, consts, funcs, feedBuffers, effect, scratch, plan);
}
