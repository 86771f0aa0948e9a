/**
 * What `console.log` writes: JavaScript's formatting (as Node shows it, on one line), except
 * that engine objects (tensors, variables, operations, numpy-like arrays) print as TF and numpy
 * print them, since that is what a learner wants to see.
 *
 * Pure and small on purpose: the worker has no `util.inspect`.
 */
import { pyStr, NDArray, isPyFloat } from "../../engine";

/** Nesting depth shown before `[Object]` / `[Array]`, as Node's default. */
const MAX_DEPTH = 2;
/** Items of an array, map or set shown before `... N more items`, as Node's default. */
const MAX_ITEMS = 100;

/**
 * The line `console.log(...args)` writes: `%s %d %i %f %j %o %O %c %%` substitutions in a
 * leading string, then the remaining arguments separated by spaces.
 * @example
 * formatConsoleArgs(["loss", 0.5, [1, 2]]); // "loss 0.5 [ 1, 2 ]"
 * formatConsoleArgs(["%d steps", 3]);       // "3 steps"
 */
export function formatConsoleArgs(args: readonly unknown[]): string {
  if (args.length === 0) return "";
  const parts: string[] = [];
  let rest = 0;
  const first = args[0];
  if (typeof first === "string" && args.length > 1 && first.includes("%")) {
    const { text, used } = substitute(first, args);
    parts.push(text);
    rest = used + 1;
  }
  for (let i = rest; i < args.length; i++) {
    const a = args[i];
    parts.push(typeof a === "string" ? a : inspectValue(a));
  }
  return parts.join(" ");
}

function substitute(format: string, args: readonly unknown[]): { text: string; used: number } {
  let used = 0;
  const text = format.replace(/%[sdifjoOc%]/g, (spec) => {
    if (spec === "%%") return "%";
    if (used + 1 >= args.length) return spec;
    const v = args[++used];
    switch (spec) {
      case "%s":
        return typeof v === "string" ? v : inspectValue(v, 1);
      case "%d":
      case "%i": {
        const n = toNumber(v);
        return spec === "%i" ? String(Math.trunc(n)) : String(n);
      }
      case "%f":
        return String(toNumber(v));
      case "%j":
        return safeJson(v);
      case "%c":
        return ""; // CSS styling has no meaning in a text console
      default:
        return inspectValue(v);
    }
  });
  return { text, used };
}

function toNumber(v: unknown): number {
  if (typeof v === "number") return v;
  if (v instanceof Number) return v.valueOf(); // a float literal, a numpy scalar
  if (typeof v === "bigint") return Number(v);
  if (typeof v === "object" && v !== null) return NaN;
  return Number(v);
}

function safeJson(v: unknown): string {
  try {
    return JSON.stringify(v) ?? "undefined";
  } catch {
    return "[Circular]";
  }
}

/**
 * One value as Node's `util.inspect` shows it on a single line: `'text'`, `[ 1, 2 ]`,
 * `{ a: 1 }`, `Map(1) { 'k' => 1 }`, `[Function: f]`; engine objects as their TF text.
 */
export function inspectValue(value: unknown, depth = MAX_DEPTH): string {
  return inspect(value, depth, new Set());
}

function inspect(v: unknown, depth: number, seen: Set<object>): string {
  switch (typeof v) {
    case "string":
      return quote(v);
    case "number":
      return Object.is(v, -0) ? "-0" : String(v);
    case "bigint":
      return `${v}n`;
    case "boolean":
    case "undefined":
      return String(v);
    case "symbol":
      return v.toString();
    case "function":
      return functionText(v);
  }
  if (v === null) return "null";
  const obj = v as object;
  if (isPyFloat(obj)) return String(obj.valueOf());
  if (isEngineObject(obj)) return pyStr(obj);
  if (obj instanceof Error) return `${obj.name}: ${obj.message}`;
  if (obj instanceof Date) return Number.isNaN(obj.getTime()) ? "Invalid Date" : obj.toISOString();
  if (obj instanceof RegExp) return String(obj);
  if (seen.has(obj)) return "[Circular]";
  if (Array.isArray(obj)) {
    if (depth < 0) return "[Array]";
    return withSeen(obj, seen, () => list("", "[", "]", obj, (x) => inspect(x, depth - 1, seen)));
  }
  if (ArrayBuffer.isView(obj) && !(obj instanceof DataView)) {
    const items = Array.from(obj as unknown as ArrayLike<number | bigint>);
    return list(`${obj.constructor.name}(${items.length}) `, "[", "]", items, (x) => inspect(x, depth - 1, seen));
  }
  if (obj instanceof Map) {
    if (depth < 0) return "[Map]";
    const entries = [...obj.entries()];
    return withSeen(obj, seen, () => list(`Map(${obj.size}) `, "{", "}", entries, ([k, x]) => `${inspect(k, depth - 1, seen)} => ${inspect(x, depth - 1, seen)}`));
  }
  if (obj instanceof Set) {
    if (depth < 0) return "[Set]";
    return withSeen(obj, seen, () => list(`Set(${obj.size}) `, "{", "}", [...obj], (x) => inspect(x, depth - 1, seen)));
  }
  if (obj instanceof Promise) return "Promise { <pending> }";
  const proto = Object.getPrototypeOf(obj);
  const ctorName = proto === null ? "[Object: null prototype]" : proto === Object.prototype ? "" : (proto.constructor?.name ?? "Object");
  if (depth < 0) return ctorName && proto !== null ? `[${ctorName}]` : "[Object]";
  const entries = Object.entries(obj);
  return withSeen(obj, seen, () =>
    list(ctorName ? `${ctorName} ` : "", "{", "}", entries, ([k, x]) => `${propertyKey(k)}: ${inspect(x, depth - 1, seen)}`),
  );
}

/** Tensors, variables, operations, sessions, graphs, numpy-like arrays: print their TF text. */
function isEngineObject(obj: object): boolean {
  if (obj instanceof NDArray) return true;
  const o = obj as { __str__?: unknown; __repr__?: unknown };
  return typeof o.__str__ === "function" || typeof o.__repr__ === "function";
}

function withSeen(obj: object, seen: Set<object>, print: () => string): string {
  seen.add(obj);
  try {
    return print();
  } finally {
    seen.delete(obj);
  }
}

function list<T>(prefix: string, open: string, close: string, items: readonly T[], show: (x: T) => string): string {
  if (items.length === 0) return `${prefix}${open}${close}`;
  const shown = items.slice(0, MAX_ITEMS).map(show);
  if (items.length > MAX_ITEMS) {
    const more = items.length - MAX_ITEMS;
    shown.push(`... ${more} more item${more === 1 ? "" : "s"}`);
  }
  return `${prefix}${open} ${shown.join(", ")} ${close}`;
}

function functionText(f: Function): string {
  const isClass = /^class[\s{]/.test(Function.prototype.toString.call(f));
  if (isClass) return `[class ${f.name || "(anonymous)"}]`;
  return f.name ? `[Function: ${f.name}]` : "[Function (anonymous)]";
}

function propertyKey(k: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(k) ? k : quote(k);
}

/** Node's choice of quotes: single, else double, else backticks, else escaped single. */
function quote(s: string): string {
  const q = !s.includes("'") ? "'" : !s.includes('"') ? '"' : !s.includes("`") ? "`" : "'";
  let out = "";
  for (const ch of s) {
    if (ch === q || ch === "\\") out += "\\" + ch;
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else out += ch;
  }
  return q + out + q;
}
