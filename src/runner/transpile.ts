/**
 * Turns the learner's TypeScript into the JavaScript the runner executes as a function body.
 *
 * 1. sucrase strips the types (keeping every line where it was);
 * 2. acorn parses the result;
 * 3. an in-place rewrite gives operators Python's meaning for tensors (`a + b` →
 *    `__py.add(a, b)`), boxes whole floats (`2.0` → `__py.float(2)`), builds object literals
 *    with computed keys by stores (`{[x]: 1}` → `__py.object(__py.key(x), 1)`: a feed_dict
 *    literal is otherwise as slow as the training step it feeds) and records the current
 *    line before each statement (`__ln.l=3;`), all without moving any code to another line.
 *
 * Pure: no DOM, no Node APIs, so it runs in the worker and under Vitest alike.
 */
import { parse, type Options as AcornOptions, type Program } from "acorn";
import { transform, type Options as SucraseOptions } from "sucrase";
import { lineOf, originalColumn } from "./transpile/columnMap";
import { isPositionedSyntaxError, lineAndColumn, UserSyntaxError, withoutPosition } from "./transpile/errors";
import { findUnsupportedSyntax, NO_MODULES } from "./transpile/unsupported";
import { rewrite, RewriteRejection } from "./transpile/rewrite";

export { UserSyntaxError } from "./transpile/errors";
export { LINE_NAME, RUNTIME_NAME } from "./transpile/names";

/** The JavaScript to run as the body of `function (__py, __ln) { ... }` (async if it awaits). */
export interface TranspileResult {
  code: string;
}

const SUCRASE_OPTIONS: SucraseOptions = {
  transforms: ["typescript"],
  disableESTransforms: true,
  // Unused imports would vanish silently; kept, acorn rejects them like any other import.
  keepUnusedImports: true,
};

const ACORN_OPTIONS: AcornOptions = {
  ecmaVersion: "latest",
  sourceType: "script",
  allowReturnOutsideFunction: true,
  allowAwaitOutsideFunction: true,
  preserveParens: true,
  locations: true,
};

/** acorn's words for import/export in a script; we say it the playground's way. */
const ACORN_MODULE_ERRORS = /^'import' and 'export' may appear only|^Cannot use 'import\.meta' outside a module/;

/**
 * Transpiles one program.
 *
 * @param source the learner's TypeScript
 * @throws UserSyntaxError positioned in `source` for syntax errors, `import`/`export`,
 *   namespaces, and uses of the reserved names `__py` and `__ln`
 */
export function transpile(source: string): TranspileResult {
  const unsupported = findUnsupportedSyntax(source);
  if (unsupported !== undefined) {
    const { line, column } = lineAndColumn(source, unsupported.offset);
    throw new UserSyntaxError(unsupported.reason, line, column);
  }
  const javascript = stripTypes(source);
  let program: Program;
  try {
    program = parse(javascript, ACORN_OPTIONS);
  } catch (error) {
    if (!isPositionedSyntaxError(error)) throw error;
    const reason = withoutPosition(error.message);
    throw inSource(ACORN_MODULE_ERRORS.test(reason) ? NO_MODULES : reason, source, javascript, error.pos, error);
  }
  try {
    return { code: rewrite(javascript, program) };
  } catch (error) {
    if (error instanceof RewriteRejection) throw inSource(error.message, source, javascript, error.offset, error);
    throw error;
  }
}

function stripTypes(source: string): string {
  try {
    return transform(source, SUCRASE_OPTIONS).code;
  } catch (error) {
    // sucrase's parser errors carry an offset in the source; anything else is a sucrase bug,
    // which the runner should report as such rather than as the learner's mistake.
    if (!isPositionedSyntaxError(error)) throw error;
    const { line, column } = lineAndColumn(source, error.pos);
    throw new UserSyntaxError(withoutPosition(error.message), line, column, { cause: error });
  }
}

/** An error at an offset of sucrase's output, positioned in the learner's source. */
function inSource(reason: string, source: string, javascript: string, offset: number, cause: unknown): UserSyntaxError {
  // Lines agree; columns shift where sucrase deleted types.
  const { line, column } = lineAndColumn(javascript, offset);
  const sourceColumn = originalColumn(lineOf(source, line), lineOf(javascript, line), column - 1);
  return new UserSyntaxError(reason, line, sourceColumn + 1, { cause });
}
