/**
 * A compiler for plans whose values are all scalars: the tutorial's training loop feeds two
 * numbers, computes a few dozen scalar ops and updates two scalar variables, 100,000 times.
 * Once the generic executor has run such a plan, this turns it into one straight-line JS
 * function over local variables — no NDArrays, no kernel calls — with the same float32
 * rounding as the kernels and the same side effects and records. Anything it cannot prove
 * scalar (an op without a scalar fact, a non-scalar value, a feed that is not a number, an
 * uninitialized variable) leaves the plan to the generic executor, which also produces TF's
 * errors.
 *
 * compileScalar walks the plan: the feeds' checks, one emitter per step (emit.ts, chosen by the
 * op's declared facts), the fetches; assemble.ts turns the parts into the program.
 */
import { int32, int64 } from "../../dtypes.js";
import type { PlanRun, ScalarProgram, SessionPort } from "../run_state.js";
import { assemble } from "./assemble.js";
import { emitStep } from "./emit.js";
import { Emitter, isScalarNumeric } from "./emitter.js";

/**
 * Compiles `run`'s plan after a successful generic run (its value slots hold that run's
 * values), or returns null when the plan is not all-scalar. The program writes `port.effects`.
 */
export function compileScalar(run: PlanRun, port: Pick<SessionPort, "effects">): ScalarProgram | null {
  const plan = run.plan;
  const e = new Emitter(run);

  // Feeds: numbers into the plan's 0-d feed buffers (what RunLive shows), then registers.
  for (let i = 0; i < plan.feedSlots.length; i++) {
    const buf = run.feedBuffers[i];
    if (buf === null || !isScalarNumeric(buf)) return null;
    // A number, or a boxed one (a fetched numpy scalar fed back, a float literal).
    e.checks.push(`if (typeof F[${i}] !== "number") { if (!(F[${i}] instanceof Number)) return false; F[${i}] = F[${i}].valueOf(); }`);
  }
  const feeds = Array.from(plan.feedSlots, (slot, i) => {
    const dt = run.feedBuffers[i]!.dtype;
    // numpy's casts of a fed number: float → int truncates; NaN and infinities become the minimum.
    const conv =
      dt === int32
        ? `(Number.isFinite(F[${i}]) ? Math.trunc(F[${i}]) | 0 : -2147483648)`
        : dt === int64
          ? `(F[${i}] >= -9223372036854775808 && F[${i}] < 9223372036854775808 ? Math.trunc(F[${i}]) : -9223372036854775808)`
          : `F[${i}]`;
    return `const p${i} = P[${i}].data; p${i}[0] = ${conv}; if (V[${slot}] !== P[${i}]) V[${slot}] = P[${i}]; const ${e.reg(slot)} = p${i}[0];`;
  });

  for (let si = 0; si < run.steps.length; si++) if (!emitStep(e, run.steps[si], si)) return null;

  // Fetched tensors: their registers (or constants); an op fetch stays null.
  const feedSlot = new Set(plan.feedSlots);
  const fetches: string[] = [];
  for (let i = 0; i < plan.fetchLeaves.length; i++) {
    const slot = plan.fetchSlots[i];
    if (slot < 0) continue;
    const v = e.values[slot];
    if (!isScalarNumeric(v)) return null;
    // A fetched number is a numpy scalar of its dtype, as the generic executor returns it.
    const cls = `S[${e.scalarClass(v.dtype)}]`;
    if (e.isConst[slot]) fetches.push(`R[${i}] = new ${cls}(${e.constant(v.data[0] as number)});`);
    else if (feedSlot.has(slot)) fetches.push(`R[${i}] = new ${cls}(P[${plan.feedSlots.indexOf(slot)}].data[0]);`);
    else fetches.push(`R[${i}] = new ${cls}(${e.reg(slot)});`);
  }
  return assemble(e, feeds, fetches, port);
}
