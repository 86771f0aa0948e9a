/**
 * Runs a program and evaluates checks on its events: what the lesson player does after each
 * Run, and what `npm run lessons:check` does with every solution and starter.
 */
import type { EndEvent } from "../runner/events";
import type { PythonRuntime } from "../runner/python/runtime";
import { runProgram, type ProgramLanguage } from "../runner/run_program";
import { evaluateChecks, TraceBuilder, valuesNeeded, type ChecksOutcome, type Trace } from "./checks";
import type { Check } from "./checks/ast";

export interface ProgramOutcome extends ChecksOutcome {
  end: EndEvent;
  trace: Trace;
}

/** How to run the program that is checked. */
export interface CheckRunOptions {
  /** Default 1: a fixed seed, so a check on random values is repeatable. */
  seed?: number;
  /** The program's language (default TypeScript). */
  language?: ProgramLanguage;
  /** The interpreter for a Python program (python/load_node.ts in Node; load it once for many runs). */
  python?: PythonRuntime | null;
}

/**
 * Runs `source` and checks it.
 * @example
 * const { passed, failures } = await runAndCheck(task.solution.python, checksIn(task, "python"), { language: "python", python });
 */
export async function runAndCheck(source: string, checks: readonly Check[], options: CheckRunOptions = {}): Promise<ProgramOutcome> {
  const builder = new TraceBuilder();
  const { seed = 1, language, python } = options;
  const end = await runProgram(source, { seed, language, python, emit: (e) => builder.push(e), values: valuesNeeded(checks) });
  return { ...evaluateChecks(checks, builder.trace), end, trace: builder.trace };
}

/** One task's checks, as the lesson player sends them to be run. */
export interface TaskChecks {
  task: string;
  checks: Check[];
}

/** One task's outcome (plain data, for postMessage). */
export interface TaskOutcome {
  task: string;
  passed: boolean;
  failures: string[];
}

/**
 * Runs `source` once and checks every task on the same events: the lesson player checks all
 * of a lesson's tasks after each Run.
 */
export async function runAndCheckTasks(source: string, tasks: readonly TaskChecks[], seed: number): Promise<{ end: EndEvent; outcomes: TaskOutcome[] }> {
  const all = tasks.flatMap((t) => t.checks);
  const builder = new TraceBuilder();
  const end = await runProgram(source, { seed, emit: (e) => builder.push(e), values: valuesNeeded(all) });
  const outcomes = tasks.map((t) => {
    const { passed, failures } = evaluateChecks(t.checks, builder.trace);
    return { task: t.task, passed, failures };
  });
  return { end, outcomes };
}
