/**
 * The scalar program's assembler: from the emitters' parts, the function a run calls —
 *
 *   feed checks · variable checks (each cell read once) · feeds · the steps · the fetches ·
 *   write-back of registers to value slots · the effect records
 *
 * — made by a factory closing over the plan's tables, so the run calls the program itself.
 */
import type { SessionPort, ScalarProgram } from "../run_state.js";
import type { Emitter } from "./emitter.js";

export function assemble(e: Emitter, feeds: readonly string[], fetches: readonly string[], port: Pick<SessionPort, "effects">): ScalarProgram {
  const run = e.run;
  const values = e.values;
  // Variable cells must hold scalars of the compiled dtype before anything runs. Each
  // variable's buffer is read once: the program writes variables in place, so within a run a
  // variable keeps its buffer (`c0[0]` reads the value as of that point of the run).
  const cellChecks = e.cells.map(
    (_, i) => `const v${i} = C[${i}].value; if (v${i} === null || v${i}.dtype !== D[${i}] || v${i}.shape.length !== 0) return false; const c${i} = v${i}.data;`,
  );
  // Registers go back to the plan's value slots for RunLive. The fetched ones (which the
  // listener reads every run) at once; the others into one scratch array, copied to their
  // slots only when someone asks for every value (PlanRun.settledValues).
  const fetchedSlot = new Set(run.plan.fetchSlots);
  const writeBack: string[] = [];
  const deferred: number[] = [];
  e.owned.forEach((_, slot) => {
    if (fetchedSlot.has(slot)) writeBack.push(`V[${slot}].data[0] = ${e.reg(slot)};`);
    else {
      writeBack.push(`W[${slot}] = ${e.reg(slot)};`);
      deferred.push(slot);
    }
  });
  if (deferred.length) writeBack.push("L.unsettled = true;");
  const scratch = new Float64Array(values.length);
  run.deferValues(() => {
    for (const slot of deferred) (values[slot]!.data as Float64Array)[0] = scratch[slot];
  });
  const body = [
    '"use strict";',
    ...e.checks,
    ...cellChecks,
    ...feeds,
    ...e.lines,
    ...fetches,
    ...writeBack,
    e.effects.length > 0 ? `if (rec) E(${e.effects.map((_, k) => `eb${k}, ea${k}`).join(", ")});` : "",
    "return true;",
  ].join("\n");
  // The run's effect records, made in one array literal after the run: ops, kinds and
  // variables are fixed per plan, only the values before and after change (the generic
  // kernels' records have the same keys, in the same order).
  const records = e.effects.map(({ step, kind, cell }, k) => {
    const fields = [`op: ${JSON.stringify(step.op.name)}`, `kind: ${JSON.stringify(kind)}`, `target: ${JSON.stringify(cell.name)}`];
    return `{${fields.join(", ")}, before: b${k}, after: a${k}}`;
  });
  const params = e.effects.flatMap((_, k) => [`b${k}`, `a${k}`]);
  const recordEffects = new Function("PORT", `return function recordEffects(${params.join(", ")}) { PORT.effects = [${records.join(", ")}]; };`)(port) as (
    ...x: number[]
  ) => void;
  const factory = new Function("V", "C", "D", "K", "G", "P", "E", "W", "L", "S", `return function scalarProgram(F, R, rec) {\n${body}\n};`) as (
    ...a: unknown[]
  ) => ScalarProgram;
  return factory(values, e.cells, e.cellDtypes, e.consts, e.funcs, run.feedBuffers, recordEffects, scratch, run, e.scalarClasses);
}
