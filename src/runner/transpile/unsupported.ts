import { tokenizer, tokTypes as tt, type Token, type TokenType } from "acorn";

/** What the learner is told when the program imports or exports anything. */
export const NO_MODULES =
  "The playground has no modules: `tf` and `print` are globals, so there is nothing to import or export";

/** Sucrase deletes namespaces as if they were types, so their code would silently vanish. */
export const NO_NAMESPACES = "Namespaces are not supported in the playground: use an object or a class instead";

/** Cheap filter: almost no program mentions these words, and then no tokenizing is needed. */
const MENTIONS_UNSUPPORTED = /\b(?:import|export|namespace|module)\b/;

/**
 * Tokens after which `import`/`export` is not a declaration: a property name (`{ import: 1 }`),
 * a method (`export() {}`), a class field (`import = 1`, `export?: T`), a call
 * (`import("x")`, which the rewrite reports from the AST because it survives sucrase).
 */
const NOT_A_DECLARATION = new Set<TokenType>([
  tt.parenL, tt.parenR, tt.colon, tt.comma, tt.braceR, tt.semi, tt.question, tt.prefix, tt.relational,
]);

const LINE_BREAK = /[\n\r\u2028\u2029]/;

/**
 * Finds the first `import`/`export` declaration or namespace in the learner's TypeScript.
 *
 * This looks at the original source because sucrase silently deletes many of these
 * (`import type`, `export interface`, unused imports, `import x = require(...)`, `export =`,
 * `namespace N { ... }`), so acorn would never see them. acorn's tokenizer copes with
 * TypeScript well enough for this: types add no new kinds of token. If it gives up (e.g. on a
 * decorator), we report nothing and acorn still catches the imports that survive sucrase.
 */
export function findUnsupportedSyntax(source: string): { offset: number; reason: string } | undefined {
  if (!MENTIONS_UNSUPPORTED.test(source)) return undefined;
  let before: Token | undefined;
  let candidate: Token | undefined;
  try {
    const tokens = tokenizer(source, { ecmaVersion: "latest", allowHashBang: true });
    for (;;) {
      const token = tokens.getToken();
      if (candidate !== undefined) {
        if (isModuleDeclaration(candidate, before, token)) return { offset: candidate.start, reason: NO_MODULES };
        if (isNamespace(source, candidate, before, token)) return { offset: candidate.start, reason: NO_NAMESPACES };
      }
      if (token.type === tt.eof) return undefined;
      before = candidate;
      candidate = token;
    }
  } catch {
    return undefined;
  }
}

function isPropertyName(before: Token | undefined): boolean {
  return before !== undefined && (before.type === tt.dot || before.type === tt.questionDot);
}

function isModuleDeclaration(keyword: Token, before: Token | undefined, after: Token): boolean {
  if (keyword.type !== tt._import && keyword.type !== tt._export) return false;
  if (isPropertyName(before) || NOT_A_DECLARATION.has(after.type)) return false;
  // `import = 1` is a class field; `export = x` is TypeScript's CommonJS export.
  return !(keyword.type === tt._import && after.type === tt.eq);
}

/** `namespace N {` / `module N {`, but not `declare namespace N` (types only) nor `module.exports`. */
function isNamespace(source: string, keyword: Token, before: Token | undefined, after: Token): boolean {
  if (keyword.type !== tt.name) return false;
  const word = source.slice(keyword.start, keyword.end);
  if (word !== "namespace" && word !== "module") return false;
  if (isPropertyName(before) || (before !== undefined && source.slice(before.start, before.end) === "declare")) return false;
  // TypeScript reads `namespace` followed by a line break as a plain identifier.
  return after.type === tt.name && !LINE_BREAK.test(source.slice(keyword.end, after.start));
}
