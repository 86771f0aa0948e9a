/**
 * Runs one learner program against a fresh engine and reports everything it does as events.
 *
 * Pure: no DOM and no Node APIs, so the same code runs in the browser's Web Worker, in the CLI
 * and under Vitest. Whatever the program does (a syntax error, a thrown number, endless
 * recursion, a graph too big), `runProgram` itself does not throw: it ends with an `end` event.
 */
import type { EngineFiles, EngineLimits } from "../../engine";
import { operatorRuntime, contextOf, createTF } from "../../engine";
import { compileProgram, programLineOf, type CompiledProgram } from "./compile";
import { DiagnosticsTracker } from "./diagnostics/tracker";
import type { EndEvent, ProgramError, ProgramEvent, ValuesMode } from "./events";
import { runHooks, RunnerError } from "./hooks";
import { lineWriter } from "./output";
import { describeError, isStackOverflow } from "./program_errors";
import { lineCell, type LineCell } from "./line_cell";
import { programGlobals } from "./program_globals";
import { freshSeed, isValidSeed, MAX_SEED, seededOpSeeds } from "./seeded_random";
import { programTimers } from "./timers";
import { transpile } from "./transpile";
import type { PythonRuntime } from "./python/runtime";

export { RUNNER_LIMITS } from "./limits";

/** How to run a program. */
export interface RunProgramOptions {
  /** Seed of `Math.random` and of random ops without a seed (0 ... 2^32 - 1; default: a random one, reported in the end event). */
  seed?: number;
  /** Receives every event, in order; the last one is always `end`. */
  emit(event: ProgramEvent): void;
  /** Overrides of RUNNER_LIMITS. */
  limits?: Partial<EngineLimits>;
  /** Which tensor values run events carry (default: none). */
  values?: ValuesMode;
  /** Whether to emit diagnostic events (default: true). */
  diagnostics?: boolean;
  /**
   * Called with the current line every millisecond or two while the program loops (see
   * line_cell.ts): the worker flushes pending events and reports where the program is.
   */
  onLoopTick?: (line: number | null) => void;
  /**
   * Build the graph only: the program stops at its first `sess.run`, before it executes, and
   * ends with a RunnerError saying so (the graph pane's preview before the first Run).
   */
  buildOnly?: boolean;
  /**
   * The cell the program sets to its current line (default: `lineCell(onLoopTick)`). The CLI
   * passes its own, to say where a program that never settles was waiting.
   */
  line?: LineCell;
  /**
   * The program's files, where `tf.train.Saver` writes and reads checkpoints: the worker's copy
   * of the page's stored files, a directory in the CLI (default: a fresh store in memory).
   */
  files?: EngineFiles;
  /** The program's language (default: the TypeScript dialect). */
  language?: ProgramLanguage;
  /** The Python interpreter, for `language: "python"` (loaded by the caller: see python/runtime.ts). */
  python?: PythonRuntime | null;
}

/** The languages a program can be written in. */
export type ProgramLanguage = "typescript" | "python";

/**
 * Transpiles and runs `source`. For a program without `await`, every event is emitted before
 * this returns (the promise is already settled); with `await`, as the program runs.
 * @returns the end event (also emitted)
 * @example
 * const end = await runProgram("print(tf.constant(2))", { seed: 1, emit: (e) => events.push(e) });
 */
export async function runProgram(source: string, options: RunProgramOptions): Promise<EndEvent> {
  const seed = options.seed ?? freshSeed();
  if (!isValidSeed(seed)) throw new RangeError(`seed must be an integer from 0 to ${MAX_SEED}, got ${String(seed)}`);

  if (options.language === "python") {
    if (options.python) return options.python.run(source, options, seed);
    const end: EndEvent = { type: "end", ok: false, seed, error: { type: "RuntimeError", message: "Python is not loaded: the program cannot run" } };
    options.emit(end);
    return end;
  }

  const ln: LineCell = options.line ?? lineCell(options.onLoopTick);
  let ended = false;
  let consumerFailure: RunnerError | null = null;
  const emit = (event: ProgramEvent): void => {
    // Nothing the program scheduled may appear after its end event.
    if (ended) return;
    if (consumerFailure) throw consumerFailure;
    try {
      options.emit(event);
    } catch (error) {
      if (isStackOverflow(error)) throw error;
      // The program must not catch this as its own error and carry on: it is remembered and
      // ends the program below, whatever the program does with it.
      consumerFailure = new RunnerError(`the event consumer failed: ${String(error)}`, ln.l, { cause: error });
      throw consumerFailure;
    }
  };
  const finish = (error: ProgramError | null): EndEvent => {
    const end: EndEvent = error ? { type: "end", ok: false, error, seed } : { type: "end", ok: true, seed };
    ended = true;
    try {
      options.emit(end);
    } catch {
      // A consumer that cannot take the end event still gets it as the return value.
    }
    return end;
  };

  let code: string;
  try {
    code = transpile(source).code;
  } catch (error) {
    return finish(describeError(error, { stackLine: null, currentLine: null }));
  }

  const stdout = lineWriter("stdout", emit);
  const stderr = lineWriter("stderr", emit);
  const hints = options.diagnostics === false ? null : new DiagnosticsTracker(emit, source);
  let timerError: { error: unknown } | null = null;
  const timers = programTimers((error) => {
    timerError ??= { error };
  });
  const { hooks, failure } = runHooks(options, { emit, hints, stdout, stderr, line: () => ln.l, seedSource: seededOpSeeds(seed) });

  let thrown: { error: unknown } | null = null;
  let program: CompiledProgram | null = null;
  try {
    const tf = createTF(hooks);
    const globals = programGlobals({ tf, py: operatorRuntime(contextOf(tf)), ln, stdout, stderr, seed, timers });
    const names = Object.keys(globals);
    program = compileProgram(code, names);
    const result = program.fn(...names.map((n) => globals[n]));
    if (program.isAsync) await result;
  } catch (error) {
    thrown = { error };
  }
  timers.dispose();

  // After the program, the runner's own work: a failure here is reported, never thrown.
  try {
    stdout.flush();
    stderr.flush();
    hints?.finish();
  } catch (error) {
    thrown ??= { error };
  }

  const runnerFailure = consumerFailure ?? failure();
  if (runnerFailure) return finish(describeError(runnerFailure, { stackLine: null, currentLine: runnerFailure.line }));
  const uncaught = thrown ?? timerError;
  if (!uncaught) return finish(null);
  const lineCount = source.split(/\r\n?|\n|\u2028|\u2029/).length;
  let stackLine: number | null = null;
  try {
    stackLine = program ? programLineOf(uncaught.error, program, lineCount) : null;
  } catch {
    // A thrown Proxy whose traps throw has no readable stack.
  }
  return finish(describeError(uncaught.error, { stackLine, currentLine: ln.l }));
}
