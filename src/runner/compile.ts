/**
 * Makes the transpiled program a function whose parameters are its globals.
 *
 * The body is `"use strict";{ program }`: strict, so that assigning an undeclared name is a
 * ReferenceError instead of a new real global; in a block, so that the program's own
 * `const sum = ...` shadows our `sum` parameter rather than being a redeclaration error. Both
 * go on the program's first line, so the program's line N is the body's line N.
 */

/** The script name stack frames of the learner's code carry (`at f (tf-program.js:3:9)`). */
export const PROGRAM_URL = "tf-program.js";

const AsyncFunction = (async () => {}).constructor as FunctionConstructor;

/** The compiled program: call it with the globals' values in `names` order. */
export interface CompiledProgram {
  names: string[];
  isAsync: boolean;
  fn: (...values: unknown[]) => unknown;
}

/**
 * Compiles transpiled code. It becomes an async function only when it mentions `await`, so a
 * program without it runs (and emits its events) synchronously.
 * @throws SyntaxError for code V8 rejects but the transpiler's parser accepted
 */
export function compileProgram(code: string, names: string[]): CompiledProgram {
  const isAsync = /\bawait\b/.test(code);
  return { names, isAsync, fn: construct(isAsync, names, code) };
}

function construct(isAsync: boolean, names: string[], code: string): (...values: unknown[]) => unknown {
  const body = `"use strict";{${code}\n}\n//# sourceURL=${PROGRAM_URL}`;
  return new (isAsync ? AsyncFunction : Function)(...names, body) as (...values: unknown[]) => unknown;
}

const FRAME = new RegExp(`${PROGRAM_URL.replace(".", "\\.")}:(\\d+):(\\d+)`);
// Where the sourceURL is not honoured: V8's frame of a `new Function` and Firefox's.
const ANONYMOUS_FRAME = /<anonymous>:(\d+):(\d+)|> Function:(\d+):(\d+)/;
const offsets = new Map<boolean, number | null>();

/**
 * How many lines the engine's function wrapper adds before the body in stack traces (2 in V8:
 * `function anonymous(a,b\n) {\n`), measured once by throwing from a probe.
 */
function headerOffset(isAsync: boolean): number | null {
  if (!offsets.has(isAsync)) {
    let probe: unknown = null;
    construct(isAsync, ["__probe"], "__probe(new Error())")((e: unknown) => (probe = e));
    const line = frameLine(probe instanceof Error ? probe.stack : undefined);
    offsets.set(isAsync, line === null ? null : line - 1);
  }
  return offsets.get(isAsync)!;
}

function frameLine(stack: string | undefined): number | null {
  if (!stack) return null;
  const m = FRAME.exec(stack);
  if (m) return Number(m[1]);
  const a = ANONYMOUS_FRAME.exec(stack);
  return a ? Number(a[1] ?? a[3]) : null;
}

/**
 * The learner's line of the innermost frame of their code in `error`'s stack, or null when the
 * stack has none (a stack cut short inside the engine, a thrown non-Error, another engine).
 */
export function programLineOf(error: unknown, program: CompiledProgram, lineCount: number): number | null {
  if (!(error instanceof Error)) return null;
  let stack: string | undefined;
  try {
    stack = error.stack;
  } catch {
    return null; // a program's own Error subclass may define a throwing `stack` getter
  }
  const line = frameLine(stack);
  const offset = headerOffset(program.isAsync);
  if (line === null || offset === null) return null;
  const learnerLine = line - offset;
  return learnerLine >= 1 && learnerLine <= lineCount ? learnerLine : null;
}
