/**
 * The learner's globals as the editor's TypeScript sees them: `tf` (the engine's own type, so
 * its JSDoc shows on hover), `print`, Python's built-ins and the operator helpers that
 * operatorRewrite.ts turns `a * 2` into. Loaded as file:///node_modules/tf-engine/globals.d.ts,
 * next to the engine's declarations, so the relative imports resolve.
 *
 * Hand-written to match src/runner/program_globals.ts and python_builtins.ts; the types are
 * deliberately forgiving (the runner accepts Python's dynamic typing).
 */
export const GLOBALS_DTS = `
type __Tensor = import("./graph").Tensor;
type __TensorLike = import("./graph").Tensor | import("./variables").Variable;
type __NDArray = import("./ndarray").NDArray;

/** The TensorFlow 1.x API (the playground's engine). */
declare const tf: import("./tf").TF;

/** A small numpy (seeded like the program): arrays, np.random, reductions, dot. */
declare const np: import("./numpy/np").NumpyNamespace;

/**
 * Python 3's print: prints its arguments separated by spaces; tensors print as TF prints them.
 * Keyword arguments go in a trailing object: \`print(i, {end: ""})\`.
 */
declare function print(...args: unknown[]): void;

/** Python's range as a list: range(stop) or range(start, stop[, step]). */
declare function range(stop: number): number[];
declare function range(start: number, stop: number, step?: number): number[];
/** Python's len. */
declare function len(x: unknown): number;
/** Python's str. */
declare function str(x?: unknown): string;
/** Python's repr. */
declare function repr(x: unknown): string;
/** Python's int: truncates floats, parses strings. */
declare function int(x?: unknown, base?: number): number;
/** Python's float. */
declare function float(x?: unknown): number;
/** Python's abs (tensors through tf.abs). */
declare function abs(x: number): number;
declare function abs(x: __TensorLike): __Tensor;
declare function abs(x: __NDArray): __NDArray;
declare function abs(x: any): any;
/** Python's round (half to even). */
declare function round(x: number, ndigits?: number): number;
declare function round(x: __NDArray, ndigits?: number): __NDArray;
declare function round(x: any, ndigits?: number): any;
/** Python's zip, as a list of tuples. */
declare function zip<A, B>(a: Iterable<A>, b: Iterable<B>): [A, B][];
declare function zip<A, B, C>(a: Iterable<A>, b: Iterable<B>, c: Iterable<C>): [A, B, C][];
declare function zip(...iterables: Iterable<unknown>[]): unknown[][];
/** Python's enumerate, as a list of [index, item] pairs. */
declare function enumerate<T>(items: Iterable<T>, start?: number): [number, T][];
/** Python's sum (of tensors too: builds add ops). */
declare function sum(items: Iterable<number>, start?: number): number;
declare function sum(items: Iterable<__TensorLike>, start?: unknown): __Tensor;
declare function sum(items: Iterable<unknown>, start?: unknown): any;
/** Python's min. */
declare function min(...items: number[]): number;
declare function min(items: Iterable<number>): number;
declare function min(...items: any[]): any;
/** Python's max. */
declare function max(...items: number[]): number;
declare function max(items: Iterable<number>): number;
declare function max(...items: any[]): any;
/**
 * Python's slice object: \`t.__getitem__(slice(1, 3))\` is \`t[1:3]\`,
 * \`t.__getitem__([slice(null), 0])\` is \`t[:, 0]\`.
 */
declare function slice(stop: number | null): { start: null; stop: number | null; step: null };
declare function slice(start: number | null, stop: number | null, step?: number | null): { start: number | null; stop: number | null; step: number | null };

/** console.log/info/debug print to the program's output, console.warn/error to its errors. */
declare const console: {
  log(...args: unknown[]): void;
  info(...args: unknown[]): void;
  debug(...args: unknown[]): void;
  warn(...args: unknown[]): void;
  error(...args: unknown[]): void;
};
declare function setTimeout(fn: (...args: any[]) => void, ms?: number, ...args: any[]): number;
declare function clearTimeout(id?: number): void;
declare function setInterval(fn: (...args: any[]) => void, ms?: number, ...args: any[]): number;
declare function clearInterval(id?: number): void;

/* Operators, as the editor checks them (see src/editor/tsWorker/operatorRewrite.ts). */
${binaryHelpers()}
declare function __neg(a: number): number;
declare function __neg(a: bigint): bigint;
declare function __neg(a: __TensorLike): __Tensor;
declare function __neg(a: __NDArray): __NDArray;
declare function __neg(a: any): any;
declare function __invert(a: number): number;
declare function __invert(a: __TensorLike): __Tensor;
declare function __invert(a: any): any;
`;

/**
 * `sess.run` returns `unknown` in the engine's types (it returns numbers, NDArrays, lists or
 * dicts of them, depending on the fetches). For the learner that makes every use of a fetched
 * value an error (`const [l, _] = sess.run([loss, train])`), so the editor sees it as `any`,
 * as Python would. A module augmentation adds the overload to the Session class.
 */
export const AUGMENT_DTS = `
export {};
declare module "./session/session.js" {
  interface Session {
    run(fetches: unknown, feed_dict?: unknown, options?: unknown, run_metadata?: unknown): any;
  }
}
`;

function binaryHelpers(): string {
  const out: string[] = [];
  const arithmetic = ["__add", "__sub", "__mul", "__truediv", "__mod", "__pow", "__and", "__or", "__xor"];
  const comparison = ["__lt", "__le", "__gt", "__ge"];
  for (const h of arithmetic) {
    out.push(`declare function ${h}(a: number, b: number): number;`);
    if (h === "__add") {
      out.push(`declare function ${h}(a: string, b: unknown): string;`);
      out.push(`declare function ${h}(a: unknown, b: string): string;`);
    }
    out.push(`declare function ${h}(a: bigint, b: bigint): bigint;`);
    out.push(`declare function ${h}(a: __TensorLike, b: unknown): __Tensor;`);
    out.push(`declare function ${h}(a: unknown, b: __TensorLike): __Tensor;`);
    out.push(`declare function ${h}(a: __NDArray, b: unknown): __NDArray;`);
    out.push(`declare function ${h}(a: unknown, b: __NDArray): __NDArray;`);
    out.push(`declare function ${h}(a: any, b: any): any;`);
  }
  for (const h of comparison) {
    out.push(`declare function ${h}(a: __TensorLike, b: unknown): __Tensor;`);
    out.push(`declare function ${h}(a: unknown, b: __TensorLike): __Tensor;`);
    out.push(`declare function ${h}(a: __NDArray, b: unknown): __NDArray;`);
    out.push(`declare function ${h}(a: unknown, b: __NDArray): __NDArray;`);
    out.push(`declare function ${h}(a: any, b: any): boolean;`);
  }
  return out.join("\n");
}
