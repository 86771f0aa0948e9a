/**
 * Python calling conventions in JavaScript: positional arguments keep their order, keyword
 * arguments go in one trailing plain object. `tf.placeholder(tf.float32, {shape: [null, 3]})`
 * equals `tf.placeholder(tf.float32, [null, 3])`.
 *
 * The `tf` API is declared at module level, one exported `pyfunc` per function (engine/api/tf/):
 * its implementation takes the program's context first, then the Python parameters, declared
 * once — their types, which are optional and their defaults are the implementation's own
 * parameter list, and the names are listed for keyword arguments. `bindApi` binds a module of
 * them to one context, which is how the `tf` namespace is made (engine/tf.ts); engine code calls
 * them directly (`constant(ctx, 2)`).
 */
import type { EngineContext } from "../context.js";
import { bindNames, type SignatureOptions } from "../pycall.js";

export { bind, type Param, type SignatureOptions } from "../pycall.js";

// ---- Module-level API functions ----

/** An implementation: the program's context, then the Python parameters. */
// `never` parameters: an implementation's own annotations (and defaults) type its parameters.
export type Impl = (ctx: EngineContext, ...args: never) => unknown;

/** The Python parameters of an implementation (a labelled tuple; defaulted ones optional). */
export type ArgsOf<F> = F extends (ctx: EngineContext, ...args: infer P) => unknown ? P : never;

/** The key of a declaration's bound type (types only: no such property exists at run time). */
declare const BOUND: unique symbol;

/**
 * What a declaration is in the namespace, carried by its type: `BoundApi` reads it in one
 * lookup, and the editor's TypeScript works a signature out only when a program uses it.
 */
interface Bound<B> {
  readonly [BOUND]: B;
}

/** A module-level API function: its implementation, with its Python name and parameter names. */
export type PyFunc<F extends Impl, N extends readonly string[]> = F & {
  readonly pyName: string;
  readonly pyParams: N;
  readonly pyOptions: SignatureOptions | undefined;
} & Bound<(...args: PyArgs<ArgsOf<F>, N>) => ReturnType<F>>;

/**
 * Declares a `tf` API function once: `names` are its Python parameters in order (for keyword
 * arguments and messages); `impl` takes the context and then those parameters, its defaulted
 * parameters being Python's optional ones (their default is Python's default).
 * @example
 * export const identity = pyfunc("identity", ["input", "name"], (ctx: EngineContext, input: unknown, name: Name = null): Tensor => ...);
 * // tf.identity(x), tf.identity(x, "y"), tf.identity(x, {name: "y"}); engine code: identity(ctx, x)
 */
export function pyfunc<const N extends readonly string[], F extends Impl>(name: string, names: N, impl: F, opts?: SignatureOptions): PyFunc<F, N> {
  return Object.assign(impl, { pyName: name, pyParams: names, pyOptions: opts }) as PyFunc<F, N>;
}

/** A Python class: its constructor as a pyfunc, callable with or without `new`. */
export type PyClass<F extends Impl, N extends readonly string[]> = F & {
  readonly pyName: string;
  readonly pyParams: N;
  readonly pyOptions: SignatureOptions | undefined;
  readonly pyPrototype: object;
} & Bound<{ (...args: PyArgs<ArgsOf<F>, N>): ReturnType<F>; new (...args: PyArgs<ArgsOf<F>, N>): ReturnType<F> }>;

/**
 * Declares a `tf` class (`tf.Variable`): `make` builds the instance from the constructor's
 * Python parameters; the namespace member works with or without `new` and for `instanceof`
 * (its prototype is `proto`).
 * @example
 * export const Variable = pyclass("Variable", ["initial_value", ...], (ctx, initial_value = null, ...) => new VariableImpl(...), VariableImpl.prototype);
 */
export function pyclass<const N extends readonly string[], F extends Impl>(
  name: string,
  names: N,
  make: F,
  proto: object,
  opts?: SignatureOptions,
): PyClass<F, N> {
  return Object.assign(pyfunc(name, names, make, opts), { pyPrototype: proto }) as unknown as PyClass<F, N>;
}

const PER_CONTEXT = Symbol("per context");
const WITH_CONTEXT = Symbol("with context");

/** A function taking the context first and then its arguments as given (no Python binding). */
export type WithContext<F extends (ctx: EngineContext, ...args: never) => unknown> = F & { readonly [WITH_CONTEXT]: true } & Bound<(...args: ArgsOf<F>) => ReturnType<F>>;

/**
 * Declares a `tf` function whose arguments are read by hand (variadic, or a `with` block's
 * callback last): the namespace passes them through; engine code calls it with the context.
 * @example
 * export const group = withContext((ctx: EngineContext, ...inputs: unknown[]): Operation => ...);
 */
export function withContext<F extends (ctx: EngineContext, ...args: never) => unknown>(f: F): WithContext<F> {
  return Object.assign(f, { [WITH_CONTEXT]: true as const }) as WithContext<F>;
}

/** A member made for each program's context (a class bound to it, a variadic function). */
export interface PerContext<T> extends Bound<T> {
  readonly [PER_CONTEXT]: (ctx: EngineContext) => T;
}

/**
 * Declares a `tf` member that is made per context: what `make(ctx)` returns is the member.
 * @example
 * export const group = perContext((ctx) => (...inputs: unknown[]): Operation => ...);
 */
export function perContext<T>(make: (ctx: EngineContext) => T): PerContext<T> {
  return { [PER_CONTEXT]: make } as PerContext<T>;
}

function isPyFunc(x: unknown): x is PyFunc<Impl, readonly string[]> {
  return typeof x === "function" && Array.isArray((x as { pyParams?: unknown }).pyParams);
}

/** A pyfunc bound to a context, as the learner calls it. */
function bound(ctx: EngineContext, f: PyFunc<Impl, readonly string[]>): (...args: unknown[]) => unknown {
  const names = f.pyParams;
  // Parameters before the first default are required (Function.length counts just those).
  const required = f.length - 1;
  const opts = f.pyOptions;
  const fname = f.pyName;
  const call = f as unknown as (ctx: EngineContext, ...a: unknown[]) => unknown;
  const g = function (...args: unknown[]): unknown {
    return call(ctx, ...bindNames(fname, names, required, args, opts));
  };
  Object.defineProperty(g, "name", { value: fname });
  const proto = (f as { pyPrototype?: object }).pyPrototype;
  if (proto !== undefined) g.prototype = proto;
  return g;
}

/**
 * A module of API members bound to a context: pyfuncs become Python-style callables, per-context
 * members are made, anything else (dtypes, constants) is taken as it is.
 * @example
 * const tf = { ...bindApi(ctx, core), nn: bindApi(ctx, nn) };
 */
export function bindApi<M extends object>(ctx: EngineContext, module: M): BoundApi<M> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(module)) {
    if (isPyFunc(v)) out[k] = bound(ctx, v);
    else if (typeof v === "function" && WITH_CONTEXT in v) {
      const f = v as (ctx: EngineContext, ...a: unknown[]) => unknown;
      out[k] = Object.defineProperty((...args: unknown[]) => f(ctx, ...args), "name", { value: k });
    } else if (v !== null && typeof v === "object" && PER_CONTEXT in v) out[k] = (v as PerContext<unknown>)[PER_CONTEXT](ctx);
    else out[k] = v;
  }
  return out as BoundApi<M>;
}

// ---- Types for the public API (what the editor's IntelliSense shows) ----

/** Prefixes of a tuple: `[]`, `[a]`, `[a, b]` for `[a, b]` (labels kept). */
type Prefixes<T extends unknown[]> = T extends [...infer I, unknown] ? Prefixes<I> | T : [];

/** Shown as an object type in hovers rather than as an alias. */
type Expand<T> = T extends infer O ? { [K in keyof O]: O[K] } : never;

type Index<N extends readonly string[]> = keyof N & `${number}`;

/** The required parameters of P (its prefix before the first optional one). */
type RequiredPart<P extends unknown[]> = P extends [infer H, ...infer R] ? [H, ...RequiredPart<R>] : [];

/** Every parameter by name (Python lets any go by keyword): required ones required; `_sentinel`-style private ones left out. */
type AllKeywords<P extends unknown[], N extends readonly string[], R extends unknown[] = RequiredPart<P>> = Expand<
  {
    [K in Index<N> as K extends keyof R ? N[K] & string : never]: K extends keyof Required<P> ? Required<P>[K] : never;
  } & {
    [K in Index<N> as K extends keyof R ? never : N[K] extends `_${string}` ? never : N[K] & string]?: K extends keyof Required<P> ? Required<P>[K] : never;
  }
>;

/** The keyword object after positional arguments `Q`: the parameters Q does not cover. */
type Keywords<P extends unknown[], N extends readonly string[], Q extends unknown[]> = Q extends []
  ? AllKeywords<P, N>
  : Expand<Omit<AllKeywords<P, N>, N[keyof Q & keyof N & `${number}`]>>;

/**
 * Positional arguments before a keyword object, at most: Python allows any number, but a form
 * per extra count costs the editor's type checker and shows nothing a learner writes (the
 * all-positional form still takes every parameter).
 */
type MaxPositionalBeforeKeywords = 0 | 1 | 2 | 3 | 4 | 5;

/**
 * The argument lists of a Python function with parameters `P` (defaulted ones optional) named
 * `N`: the positional arguments, or some of them followed by a keyword object with the rest.
 * (Each keyword object is computed from one AllKeywords per function, so checking a call stays
 * cheap for the editor.)
 */
export type PyArgs<P extends unknown[], N extends readonly string[]> =
  | P
  | (Prefixes<Required<P>> extends infer Q
      ? Q extends unknown[]
        ? Q["length"] extends MaxPositionalBeforeKeywords
          ? keyof Keywords<P, N, Q> extends never
            ? never
            : [...Q, kwargs: Keywords<P, N, Q>]
          : never
        : never
      : never);

/** A function the playground calls with keywords only (TF's `_sentinel` functions). */
export type KeywordFunc<F extends Impl, N extends readonly string[]> = F & {
  readonly pyName: string;
  readonly pyParams: N;
  readonly pyOptions: SignatureOptions | undefined;
  readonly keywordsOnly: true;
} & Bound<(kwargs: Keywords<ArgsOf<F>, N, []>) => ReturnType<F>>;

/**
 * Declares a `tf` function whose Python signature starts with `_sentinel` (TF's marker for
 * "call with keywords"): as `pyfunc`, typed for the editor as taking one keyword object.
 */
export function keywordFunc<const N extends readonly string[], F extends Impl>(name: string, names: N, impl: F, opts?: SignatureOptions): KeywordFunc<F, N> {
  return Object.assign(pyfunc(name, names, impl, opts), { keywordsOnly: true as const }) as unknown as KeywordFunc<F, N>;
}

/** What a module member becomes in the namespace: a declaration's bound type, or the value itself. */
export type BoundMember<T> = T extends Bound<infer B> ? B : T;

/** A module bound to a context (homomorphic, so each member keeps its JSDoc for hovers). */
export type BoundApi<M> = { [K in keyof M]: BoundMember<M[K]> };
