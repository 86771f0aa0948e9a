/**
 * The program's own process, started by `play` (src/runner/cli.ts), which watches it.
 *
 * Why a process and not a worker thread: when a worker's heap is exhausted by one large
 * allocation (a loop pushing copies of a big array), Node 20 does not end the worker but aborts
 * the whole process with V8's fatal error and a native stack; output not yet written is lost.
 * A process of its own can die of it while `play` reports what happened.
 *
 * Descriptors: 1 the program's stdout, 3 its stderr (both `play`'s own, inherited), 4 status
 * lines for `play` (child_protocol.ts), 5 the trace file when there is one. Descriptor 2 is
 * Node's own (its fatal-error text goes to `play`, never to the terminal).
 *
 * Every line is written before the program's next statement, so whatever ends the process
 * loses nothing printed before. Exit code: 0 when the program ended well, 1 when it failed
 * (its `ErrorName: message` already written).
 */
import { readFileSync } from "node:fs";
import type { EndEvent, ProgramError, ProgramEvent } from "../events";
import { formatConsoleArgs } from "../console_format";
import { describeError } from "../program_errors";
import { lineCell, type LineCell } from "../line_cell";
import { runProgram } from "../run_program";
import { loadPythonNode } from "../python/load_node";
import { fdWriter } from "./fd_writer";
import { endErrorText, hintText } from "./messages";
import { lockDownNode, refuseImports } from "./node_lockdown";
import { TraceCap } from "./trace_cap";
import { traceLine } from "./trace_json";
import { STATUS, type ChildConfig } from "./child_protocol";
import { DiskFiles } from "./disk_files";

/** The error of a program that waits for a promise that nothing can settle any more. */
export function neverSettledError(line: number | null): ProgramError {
  const e: ProgramError = {
    type: "RuntimeError",
    message: "the program is waiting (await) for a promise that nothing will ever settle, so it can never finish",
  };
  return line === null ? e : { ...e, line };
}

// The runner's own references: user code cannot reach this module's scope, and lockDownNode()
// takes `process` off the global object.
const proc = process;

async function main(): Promise<void> {
  const config = JSON.parse(proc.argv[2]) as ChildConfig;
  const source = readFileSync(config.file, "utf8");
  const stdout = fdWriter(1);
  const stderr = fdWriter(3);
  const status = fdWriter(4);
  const traceOut = config.trace ? fdWriter(5) : null;
  const trace = traceOut ? new TraceCap((item) => traceOut.write(traceLine(item)), () => status.write(`${STATUS.folding}\n`)) : null;
  // While the program loops, `play` hears its line every few milliseconds: if it has to stop
  // the program at the time limit, it can say where the program was.
  let lastLine: number | null = null;
  const line: LineCell = lineCell((l) => {
    if (l !== lastLine && l !== null) status.write(`${STATUS.line} ${l}\n`);
    lastLine = l;
  });
  let ended = false;

  const emit = (event: ProgramEvent): void => {
    if (ended) return;
    trace?.push(event);
    switch (event.type) {
      case "stdout":
        stdout.write(event.text + "\n");
        break;
      case "stderr":
        stderr.write(event.text + "\n");
        break;
      case "diagnostic":
        // The note that Python 2 prints were converted is always said (once), as Python would warn.
        if (config.hints || event.code === "python2-print") stderr.write(hintText(event) + "\n");
        break;
      case "end":
        ended = true;
        if (!event.ok) stderr.write(endErrorText(event, config.file) + "\n");
        // Timers or listeners the program left behind must not keep the process alive.
        proc.exit(event.ok ? 0 : 1);
    }
  };
  /** Ends the program from outside the runner (an error it could not see, a wait that never ends). */
  const endWith = (error: ProgramError): void => {
    if (ended) return;
    const end: EndEvent = { type: "end", ok: false, error, seed: config.seed };
    emit(end);
  };

  // Errors thrown where the runner cannot catch them (a callback of the real setTimeout, a
  // rejection nobody handles) end the program, as they end a Node program.
  proc.on("uncaughtException", (error) => endWith(describeError(error, { stackLine: null, currentLine: line.l })));
  proc.on("unhandledRejection", (error) => endWith(describeError(error, { stackLine: null, currentLine: line.l })));
  // Nothing left to run, yet the program has not ended: it awaits something that never comes.
  proc.on("beforeExit", () => endWith(neverSettledError(line.l)));

  // Python is loaded before imports are refused (Pyodide reads its files while it boots).
  const python = config.file.endsWith(".py") ? await loadPythonNode() : null;
  await refuseImports();
  // `globalThis.console` (Node's, not the program's `console`) writes where the program's does.
  const toLine = (out: { write(t: string): void }) => (...args: unknown[]) => out.write(formatConsoleArgs(args) + "\n");
  lockDownNode({ log: toLine(stdout), info: toLine(stdout), debug: toLine(stdout), warn: toLine(stderr), error: toLine(stderr) });
  status.write(`${STATUS.started}\n`);
  await runProgram(source, { seed: config.seed, emit, values: config.values, line, files: new DiskFiles(config.files), language: python ? "python" : "typescript", python });
}

main().catch((error: unknown) => {
  // A failure of the runner itself: `play` reports it as an internal error (exit code 70).
  try {
    fdWriter(2).write(`play child: ${error instanceof Error ? error.message : String(error)}\n`);
  } finally {
    proc.exit(70);
  }
});
