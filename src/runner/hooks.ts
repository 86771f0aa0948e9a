/**
 * The hooks the runner gives the engine: they turn the engine's records into events. This is
 * the run-record listener exactly as the app attaches it, so benchmarks can attach the same.
 *
 * The hooks run inside the learner's `sess.run` and op calls. If one of them fails (a bug in
 * the runner, or the event consumer throwing), the error must not look like the learner's: it
 * is remembered as a RunnerError, which ends the program even if the learner catches it.
 */
import type { EngineFiles, EngineHooks, EngineLimits, RunLive, RunRecord } from "../../engine";
import { keptValues, type NodeEvent, runEvent, type RunEvent, type SummaryEvent, TRACED_RUNS, type ValuesMode } from "./events";
import { isStackOverflow } from "./program_errors";
import { RUNNER_LIMITS } from "./limits";

/** A failure of the runner itself (not of the learner's program). */
export class RunnerError extends Error {
  /**
   * @param line the learner's line when the runner failed (later code may still run if the
   *   program catches the error, so the line at the end would mislead)
   */
  constructor(
    message: string,
    readonly line: number | null,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    Object.defineProperty(this, "name", { value: "RunnerError", writable: true, configurable: true, enumerable: false });
  }
}

/** The message of the error that ends a build-only pass at its first `sess.run`. */
export const BUILD_ONLY_STOP = "stopped at the first sess.run (a build-only pass)";

/** What the hooks need from the runner. */
export interface ProgramHooksOptions {
  /** Receives every node, run and summary event. */
  onEvent(event: NodeEvent | RunEvent | SummaryEvent): void;
  /** Receives each line `tf.Print` writes. */
  onPrintLine(text: string): void;
  /** Receives each line TF's runtime prints to stdout (the device placement log). */
  onStdoutLine?(text: string): void;
  /** The learner's current line. */
  line(): number | null;
  /** Seeds for random ops without a seed. */
  seedSource(): number;
  /** Which values run events carry. */
  values?: ValuesMode;
  limits?: Partial<EngineLimits>;
  /** Stop at the first `sess.run`, before it executes (a build-only pass). */
  buildOnly?: boolean;
  /** The program's files (checkpoints); default: a fresh store in memory. */
  files?: EngineFiles;
}

/** What a program run asks of its hooks (RunProgramOptions has these fields). */
export interface RunHookOptions {
  values?: ValuesMode;
  limits?: Partial<EngineLimits>;
  buildOnly?: boolean;
  files?: EngineFiles;
}

/**
 * The hooks of one program run, wired the same way for TypeScript and Python programs: every
 * event to `emit` (and the hints), `tf.Print` to stderr, the runtime's placement log to stdout,
 * the run's files, limits and build-only pass. One function, so the two runners cannot drift
 * apart (Python once missed the placement log and the files).
 */
export function runHooks(
  options: RunHookOptions,
  run: {
    emit(event: NodeEvent | RunEvent | SummaryEvent): void;
    hints: { observe(event: NodeEvent | RunEvent | SummaryEvent): void } | null;
    stdout: { writeLine(text: string): void };
    stderr: { writeLine(text: string): void };
    line(): number | null;
    seedSource(): number;
  },
): ProgramHooks {
  return programHooks({
    onEvent: (event) => {
      run.emit(event);
      run.hints?.observe(event);
    },
    onPrintLine: (text) => run.stderr.writeLine(text),
    onStdoutLine: (text) => run.stdout.writeLine(text),
    line: run.line,
    seedSource: run.seedSource,
    values: options.values,
    limits: { ...RUNNER_LIMITS, ...options.limits },
    buildOnly: options.buildOnly,
    files: options.files,
  });
}

/** The engine hooks, and the runner failure that happened inside one of them, if any. */
export interface ProgramHooks {
  hooks: EngineHooks;
  failure(): RunnerError | null;
}

/**
 * Builds the engine hooks for one program.
 * @example
 * const { hooks } = programHooks({ onEvent: summarizer.push, onPrintLine, line: () => ln.l, seedSource });
 * const tf = createTF(hooks);
 */
export function programHooks(o: ProgramHooksOptions): ProgramHooks {
  let failed: RunnerError | null = null;
  const values = o.values ?? "none";
  const kept = values === "kept" ? keptValues() : null;

  /** Runs a hook body; a failure in it becomes the program's RunnerError. */
  // Two fixed parameters rather than a rest parameter: the run hook fires once per training
  // step, and a rest parameter allocates an array per call.
  const guarded = <P, Q = undefined>(what: string, body: (a: P, b: Q) => void) =>
    (a: P, b?: Q): void => {
      if (failed) throw failed;
      try {
        body(a, b as Q);
      } catch (error) {
        // A stack overflow here belongs to the learner's deep recursion, not to the hook.
        if (isStackOverflow(error)) throw error;
        failed = error instanceof RunnerError ? error : new RunnerError(`the runner failed while handling ${what}: ${describe(error)}`, o.line(), { cause: error });
        throw failed;
      }
    };

  return {
    hooks: {
      // The engine's NodeRecord is the node event (tagged "node"), so it is passed as is.
      onNode: guarded("a new op", (record) => o.onEvent(record)),
      onRun: guarded("a sess.run", (record: RunRecord, live: RunLive) => o.onEvent(runEvent(record, live, kept === null ? (values as Exclude<ValuesMode, "kept">) : kept(record)))),
      stderr: guarded("a tf.Print line", (text: string) => o.onPrintLine(text)),
      stdout: guarded("a runtime line", (text: string) => o.onStdoutLine?.(text)),
      // The engine's SummaryRecord is the summary event (tagged "summary").
      onSummary: guarded("a summary", (record: SummaryEvent) => o.onEvent(record)),
      // A build-only pass ends at the first run, however the program catches errors: every
      // later hook throws the same stop (see guarded).
      beforeRun: o.buildOnly
        ? () => {
            failed ??= new RunnerError(BUILD_ONLY_STOP, o.line());
            throw failed;
          }
        : undefined,
      line: o.line,
      seedSource: o.seedSource,
      limits: o.limits,
      files: o.files,
      traceLoops: values === "all" ? () => true : values === "kept" ? (index) => index < TRACED_RUNS : undefined,
    },
    failure: () => failed,
  };
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
