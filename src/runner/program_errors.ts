/**
 * The program's uncaught error as the end event reports it: `{type, message, line}`, in
 * Python's words where JavaScript's would confuse (a stack overflow is a RecursionError).
 */
import { inspectValue } from "./console_format";
import type { ProgramError } from "./events";

const STACK_OVERFLOW = /^(Maximum call stack size exceeded|too much recursion)/;
/** How browsers reject a dynamic `import()` that the sandbox's policy blocks (Chromium, Firefox, Safari). */
const IMPORT_BLOCKED = /^(Failed to fetch dynamically imported module|Failed to resolve module specifier|error loading dynamically imported module|Importing a module script failed)/;
const OUT_OF_MEMORY = /^(Invalid typed array length|Array buffer allocation failed|Invalid array length|Invalid string length)/;

/**
 * True for JavaScript's stack overflow, also when the engine reports it as a failed kernel
 * (an InternalError whose message is the RangeError's).
 */
export function isStackOverflow(error: unknown): boolean {
  return error instanceof Error && STACK_OVERFLOW.test(error.message) && (error instanceof RangeError || error.name === "InternalError");
}

/** Where the error happened, as far as the runner can tell. */
export interface ErrorPlace {
  /** The line from the error's stack, when it has a frame in the learner's code. */
  stackLine: number | null;
  /** The line the instrumented program last reported (`__ln.l`). */
  currentLine: number | null;
}

/**
 * Describes a thrown value for the end event.
 * @example
 * describeError(new RangeError("Maximum call stack size exceeded"), { stackLine: 3, currentLine: 3 });
 * // { type: "RecursionError", message: "maximum recursion depth exceeded", line: 3 }
 */
export function describeError(thrown: unknown, place: ErrorPlace): ProgramError {
  const line = place.stackLine ?? place.currentLine;
  const at = (e: ProgramError): ProgramError => (line === null ? e : { ...e, line });
  try {
    return describe(thrown, at);
  } catch {
    // Reading the thrown value threw: a Proxy whose traps throw, a getter on `name` or `message`.
    return at({ type: "Error", message: "the program threw a value that cannot be read (reading its name or message threw). Throw an Error instead: throw new Error(\"what went wrong\")" });
  }
}

function describe(thrown: unknown, at: (e: ProgramError) => ProgramError): ProgramError {
  if (!(thrown instanceof Error)) {
    return at({
      type: "Error",
      message: `the program threw ${describeThrown(thrown)}, which is not an Error, so it has no message or line of its own. Throw an Error instead: throw new Error("what went wrong")`,
    });
  }
  const own = (thrown as { line?: unknown }).line;
  // A syntax error knows its position better than any stack.
  if (thrown.name === "SyntaxError" && typeof own === "number") return { type: "SyntaxError", message: String(thrown.message), line: own };
  if (isStackOverflow(thrown)) return at({ type: "RecursionError", message: "maximum recursion depth exceeded" });
  if (thrown instanceof RangeError && OUT_OF_MEMORY.test(thrown.message)) {
    return at({
      type: "MemoryError",
      message: `the program tried to make a value too large for the playground's memory (${thrown.message})`,
    });
  }
  if (thrown instanceof TypeError && IMPORT_BLOCKED.test(thrown.message)) {
    // Code built from a string (`Function("return import(...)")`) gets past the transpiler's check.
    return at({ type: "ImportError", message: `import() is not available in the playground: programs cannot load code or reach the network (${thrown.message})` });
  }
  return at({ type: errorName(thrown), message: String(thrown.message) });
}

function errorName(e: Error): string {
  return typeof e.name === "string" && e.name !== "" ? e.name : "Error";
}

function describeThrown(v: unknown): string {
  const kind = v === null ? "null" : Array.isArray(v) ? "an array" : typeof v === "object" ? "an object" : `a ${typeof v}`;
  let text: string;
  try {
    text = inspectValue(v);
  } catch {
    text = "a value";
  }
  return v === null || v === undefined ? text : `${text} (${kind})`;
}
