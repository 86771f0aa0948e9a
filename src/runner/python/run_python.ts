/**
 * Runs one Python program against a fresh engine and reports what it does as the same events
 * as a TypeScript program (docs/events.md): nodes carry the learner's Python lines, runs,
 * prints, diagnostics, and one end event. Like runProgram, it never throws for anything the
 * program does.
 */
import { contextOf, createTF, numpyApi, operatorRuntime } from "../../../engine";
import type { DiagnosticCode, EndEvent, ProgramError, ProgramEvent } from "../events";
import { DiagnosticsTracker } from "../diagnostics/tracker";
import { runHooks, RunnerError } from "../hooks";
import { lineCell, type LineCell } from "../line_cell";
import { lineWriter } from "../output";
import { numpySeed, seededOpSeeds } from "../seeded_random";
import type { RunProgramOptions } from "../run_program";
import { createBridge } from "./bridge";
import type { PythonRuntime } from "./runtime";

/** What Python's `runner.run` returns for an uncaught error: [type, message, line, traceback]. */
type PyFailure = [string, string, number | null, string[]];

// Modules that belong to one run: dropped before the next, so that it imports them afresh
// against its own engine.
const FRESH_MODULES = `
import sys
for _m in list(sys.modules):
    if _m in ("tensorflow", "numpy", "_tfjs", "_tfpy") or _m.startswith(("tensorflow.", "numpy.", "_tfpy.")):
        del sys.modules[_m]
del _m
`;

/**
 * Runs Python `source` in `rt`. Same options and events as runProgram.
 * @example
 * const end = await runPython(rt, "import tensorflow as tf\nprint(tf.constant(2))", { seed: 1, emit });
 */
export async function runPython(rt: PythonRuntime, source: string, options: RunProgramOptions, seed: number): Promise<EndEvent> {
  const py = rt.pyodide;
  const ln: LineCell = options.line ?? lineCell(options.onLoopTick);
  let ended = false;
  let consumerFailure: RunnerError | null = null;
  const emit = (event: ProgramEvent): void => {
    if (ended) return;
    if (consumerFailure) throw consumerFailure;
    try {
      options.emit(event);
    } catch (error) {
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
      // The end event is also the return value.
    }
    return end;
  };

  const stdout = lineWriter("stdout", emit);
  const stderr = lineWriter("stderr", emit);
  const hints = options.diagnostics === false ? null : new DiagnosticsTracker(emit, source, "python");
  let pythonLine: () => number | null = () => null;
  let bridgeLine: () => number | null = () => ln.l;
  const { hooks, failure } = runHooks(options, { emit, hints, stdout, stderr, line: () => bridgeLine(), seedSource: seededOpSeeds(seed) });

  let outcome: PyFailure | null = null;
  let internal: unknown = null;
  let pyLine: { (): number | null; destroy(): void } | null = null;
  let runFn: { (source: string, seed: number): unknown; destroy(): void } | null = null;
  try {
    const tf = createTF(hooks);
    const { bridge, line } = createBridge({
      tf,
      py: operatorRuntime(contextOf(tf)),
      np: numpyApi(numpySeed(seed)),
      ln,
      stdout,
      stderr,
      pythonLine: () => pythonLine(),
      note: (code, message, at) => emit({ type: "diagnostic", code: code as DiagnosticCode, message, ops: [], line: at }),
    });
    bridgeLine = line;
    py.runPython(FRESH_MODULES);
    py.registerJsModule("_tfjs", bridge);
    const wrappers = py.pyimport("_tfpy.wrappers") as unknown as { learner_line_from_js: { (): number | null; destroy(): void }; destroy(): void };
    pyLine = wrappers.learner_line_from_js;
    pythonLine = () => {
      const l = pyLine!();
      return l === undefined ? null : l;
    };
    const runner = py.pyimport("_tfpy.runner") as unknown as { run: { (source: string, seed: number): unknown; destroy(): void }; destroy(): void };
    runFn = runner.run;
    const result = runFn(source, seed) as { toJs(): unknown; destroy(): void } | undefined | null;
    if (result !== undefined && result !== null) {
      outcome = result.toJs() as PyFailure;
      result.destroy();
    }
  } catch (error) {
    internal = error;
  } finally {
    try {
      py.runPython(FRESH_MODULES);
    } catch {
      // Leaving the modules behind only costs the next run a re-import check.
    }
  }

  try {
    stdout.flush();
    if (outcome && outcome[3].length) for (const l of outcome[3]) stderr.writeLine(l);
    stderr.flush();
    hints?.finish();
  } catch (error) {
    internal ??= error;
  }
  const runnerFailure = consumerFailure ?? failure();
  if (runnerFailure) return finish({ type: "RunnerError", message: runnerFailure.message, ...(runnerFailure.line !== null ? { line: runnerFailure.line } : {}) });
  if (internal !== null) {
    return finish({ type: "RunnerError", message: `the Python runner failed: ${internal instanceof Error ? internal.message : String(internal)}` });
  }
  if (!outcome) return finish(null);
  const [type, message, line] = outcome;
  return finish(line === null || line === undefined ? { type, message } : { type, message, line });
}
