/**
 * Inlining of scalar forms into the compiled scalar program. Most element functions are
 * one-expression arrows (`(x, y) => x * y`) or Math's own functions; written into the
 * program as expressions, the program needs no call per op, so it is fast from its first
 * run (in V8's interpreter and baseline tiers, before the optimizing compiler would have
 * inlined the calls) and small. Anything else (block bodies, free variables, minified
 * helpers) is called as before: inlining is only done where it provably means the same.
 */

const IDENT = /[A-Za-z_$][\w$]*/y;
const ARROW = /^\s*(?:\(([^()]*)\)|([A-Za-z_$][\w$]*))\s*=>\s*([\s\S]+?)\s*;?\s*$/;
/** Names an inlined body may use besides its parameters (read-only globals). */
const GLOBALS = new Set(["Math", "NaN", "Infinity"]);
/** The functions of Math, by identity: `Math.sqrt` inlines as `Math.sqrt(x)`. */
const MATH_NAMES = new Map<unknown, string>(
  Object.getOwnPropertyNames(Math)
    .filter((k) => typeof (Math as unknown as Record<string, unknown>)[k] === "function")
    .map((k) => [(Math as unknown as Record<string, unknown>)[k], k]),
);

/**
 * The expression computing `f(...args)` without a call to `f`, or null when `f` cannot be
 * inlined. `args` are expressions (registers, constants); each is used as written, in parens.
 * @example
 * inlineScalar((x, y) => x * y, ["r1", "K[0]"]); // "((r1) * (K[0]))"
 */
export function inlineScalar(f: (...x: number[]) => number, args: readonly string[]): string | null {
  const math = MATH_NAMES.get(f);
  if (math !== undefined) return `Math.${math}(${args.join(", ")})`;
  const m = ARROW.exec(Function.prototype.toString.call(f));
  if (m === null) return null;
  const params = (m[1] ?? m[2])
    .split(",")
    .map((p) => p.trim())
    .filter((p) => p !== "");
  const body = m[3];
  if (params.length !== args.length || params.some((p) => !/^[A-Za-z_$][\w$]*$/.test(p))) return null;
  // A block body, strings, templates, regexes and comments are not attempted.
  if (body.startsWith("{") || /["'`]|\/\/|\/\*/.test(body)) return null;
  let out = "";
  let i = 0;
  while (i < body.length) {
    const c = body[i];
    if (/[A-Za-z_$]/.test(c) && !/[\w$.]/.test(body[i - 1] ?? "")) {
      IDENT.lastIndex = i;
      const name = IDENT.exec(body)![0];
      const p = params.indexOf(name);
      if (p >= 0) out += `(${args[p]})`;
      else if (GLOBALS.has(name)) out += name;
      else return null; // a free variable (a helper in the function's module) or a keyword
      i += name.length;
    } else if (/[\w$]/.test(c)) {
      // A number's digits, a property name after `.`, or the rest of an identifier.
      const word = /[\w$.]+/y;
      word.lastIndex = i;
      const w = word.exec(body)![0];
      out += w;
      i += w.length;
    } else {
      out += c;
      i++;
    }
  }
  return `(${out})`;
}
