/**
 * The editor's TypeScript settings, shared by the Monaco setup and the tests that type-check
 * the learner's code the way the editor does. Plain numbers (TypeScript's enum values), since
 * Monaco's enums and the `ts` API are not importable everywhere these are used.
 */
export const EDITOR_COMPILER_OPTIONS = {
  target: 9, // ES2022
  module: 99, // ESNext
  moduleResolution: 2, // Node: engine imports are written "./graph.js" and resolve to .d.ts
  lib: ["lib.es2022.d.ts"], // no DOM: programs run in a worker without document, fetch or window
  strict: true,
  allowNonTsExtensions: true,
  noEmit: true,
  // A program is one script: top-level names are globals, `await` is allowed at top level.
  moduleDetection: 2, // Legacy: a file without import/export is a script
};

/**
 * Diagnostics the editor does not show, each with why. The runner gives operators Python's
 * meaning, which TypeScript cannot express; most are handled by the operator rewrite, these
 * remain.
 */
export const IGNORED_DIAGNOSTICS = [
  // "Operator '+=' cannot be applied to types 'Tensor' and 'number'": compound assignment on a
  // tensor (`x += 1`) builds an op at run time; the variable keeps its declared type.
  2365,
  // "The left-hand side of an arithmetic operation must be of type 'any', 'number'...":
  // `x *= 2` on a tensor, as above.
  2362,
  // "The right-hand side of an arithmetic operation must be...": `n -= x` with a tensor x.
  2363,
  // "A computed property name must be of type 'string', 'number', 'symbol', or 'any'":
  // feed dicts are keyed by tensors (`{[x]: 3}`), as in Python's `{x: 3}`.
  2464,
  // "Top-level 'await' expressions are only allowed when the 'module' option is...": the runner
  // runs the program as an async function body when it awaits.
  1375, 1378,
];
