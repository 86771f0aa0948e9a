/**
 * The names a learner's program sees as globals. They are passed as parameters of the function
 * that wraps the program, so the real globals of the worker or of Node are never touched, and
 * a program that declares its own `sum` or `print` simply shadows ours.
 */
import type { OperatorRuntime, TF } from "../../engine";
import { pyStr, PyTypeError, numpyApi } from "../../engine";
import { formatConsoleArgs } from "./console_format";
import type { LineWriter } from "./output";
import { isKwargs, pythonBuiltins } from "./python_builtins";
import { numpySeed, seededMath } from "./seeded_random";
import type { ProgramTimers } from "./timers";
export type { LineCell } from "./line_cell";
import { LINE_NAME, RUNTIME_NAME } from "./transpile";

import type { LineCell } from "./line_cell";

/** What the globals are made from. */
export interface GlobalsDeps {
  tf: TF;
  py: OperatorRuntime;
  ln: LineCell;
  stdout: LineWriter;
  stderr: LineWriter;
  seed: number;
  timers: ProgramTimers;
}

/**
 * The program's globals by name: `tf`, `print`, `console`, a seeded `Math`, numpy's `np`, the operator
 * runtime and line cell the transpiled code calls, Python's conveniences, and timers.
 */
export function programGlobals(d: GlobalsDeps): Record<string, unknown> {
  const tfAbs = (d.tf as unknown as { abs?: (x: unknown) => unknown }).abs;
  const { setTimeout, setInterval, clearTimeout, clearInterval } = d.timers;
  return {
    tf: d.tf,
    print: makePrint(d.stdout),
    console: makeConsole(d.stdout, d.stderr),
    Math: seededMath(d.seed),
    np: numpyApi(numpySeed(d.seed)),
    [RUNTIME_NAME]: d.py,
    [LINE_NAME]: d.ln,
    ...pythonBuiltins({ py: d.py, tfAbs: typeof tfAbs === "function" ? tfAbs : undefined }),
    setTimeout,
    setInterval,
    clearTimeout,
    clearInterval,
  };
}

const PRINT_KWARGS = ["sep", "end", "flush"] as const;

/**
 * Python 3's `print(*objects, sep=' ', end='\n')`; keyword arguments go in a trailing object:
 * `print(i, {end: ""})`.
 */
function makePrint(stdout: LineWriter): (...args: unknown[]) => void {
  return (...args: unknown[]): void => {
    let sep = " ";
    let end = "\n";
    const last = args[args.length - 1];
    if (isPrintKwargs(last)) {
      args = args.slice(0, -1);
      sep = optionalText(last.sep, "sep") ?? " ";
      end = optionalText(last.end, "end") ?? "\n";
    }
    let text = "";
    for (let i = 0; i < args.length; i++) text += (i ? sep : "") + pyStr(args[i]);
    if (end === "\n") stdout.writeLine(text);
    else stdout.write(text + end);
  };
}

function isPrintKwargs(x: unknown): x is { sep?: unknown; end?: unknown; flush?: unknown } {
  if (x === null || typeof x !== "object" || Object.getPrototypeOf(x) !== Object.prototype) return false;
  // A dict the learner prints ({end: 5}) is not mistaken for options: values must fit.
  const o = x as Record<string, unknown>;
  return isKwargs(o, PRINT_KWARGS) && isTextOrNone(o.sep) && isTextOrNone(o.end) && (o.flush === undefined || typeof o.flush === "boolean");
}

function isTextOrNone(v: unknown): boolean {
  return v === undefined || v === null || typeof v === "string";
}

function optionalText(v: unknown, name: string): string | null {
  if (v === undefined || v === null) return null;
  if (typeof v !== "string") throw new PyTypeError(`${name} must be None or a string, not ${typeof v}`);
  return v;
}

/** `console.log/info/debug` to stdout, `console.warn/error` to stderr. */
function makeConsole(stdout: LineWriter, stderr: LineWriter) {
  const to = (w: LineWriter) => (...args: unknown[]) => w.writeLine(formatConsoleArgs(args));
  return {
    log: to(stdout),
    info: to(stdout),
    debug: to(stdout),
    warn: to(stderr),
    error: to(stderr),
  };
}
