/**
 * Runs a program and evaluates checks on its events: what the lesson player does after each
 * Run, and what `npm run lessons:check` does with every solution and starter.
 */
import type { EndEvent } from "../runner/events";
import { runProgram } from "../runner/run_program";
import { evaluateChecks, TraceBuilder, valuesNeeded, type ChecksOutcome, type Trace } from "./checks";
import type { Check } from "./checks/ast";

export interface ProgramOutcome extends ChecksOutcome {
  end: EndEvent;
  trace: Trace;
}

/**
 * Runs `source` with a fixed seed (so a check on random values is repeatable) and checks it.
 * @example
 * const { passed, failures } = await runAndCheck(task.solution, task.checks);
 */
export async function runAndCheck(source: string, checks: readonly Check[], seed = 1): Promise<ProgramOutcome> {
  const builder = new TraceBuilder();
  const end = await runProgram(source, { seed, emit: (e) => builder.push(e), values: valuesNeeded(checks) });
  return { ...evaluateChecks(checks, builder.trace), end, trace: builder.trace };
}
