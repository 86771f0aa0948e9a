/**
 * Python's calling conventions in JavaScript: positional arguments keep their order, keyword
 * arguments go in one trailing plain object (`tf.placeholder(tf.float32, {shape: [null, 3]})`
 * equals `tf.placeholder(tf.float32, [null, 3])`), with Python's TypeErrors for missing,
 * unexpected and duplicate arguments. The API's declarations (api/pyargs.ts) and hand-read
 * signatures (`sess.run`, class constructors) bind with it.
 */
import { PyTypeError } from "./errors.js";
import { isPlainObject } from "./format/pytypes.js";

/** A parameter: its name, and its default (absent: required). */
export type Param = string | readonly [name: string, defaultValue: unknown];

/** Options for a signature. */
export interface SignatureOptions {
  /**
   * Parameters that accept a plain object as their value (fetch dicts, feed dicts). A trailing
   * plain object is then read as keyword arguments only if all its keys are parameter names.
   */
  dictParams?: readonly string[];
  /** Accept and ignore these keyword names (TF arguments that have no meaning here). */
  ignored?: readonly string[];
}

/**
 * Binds `args` to parameters as Python binds a call: the first `required` of `names` are
 * required, the rest optional (left `undefined` when not given, so that the implementation's
 * default applies). Raises Python's TypeErrors for missing, unexpected and duplicate arguments.
 */
export function bindNames(fname: string, names: readonly string[], required: number, args: readonly unknown[], opts: SignatureOptions = {}): unknown[] {
  let positional = args;
  let kwargs: Record<string, unknown> | null = null;
  while (positional.length > 0 && positional[positional.length - 1] === undefined) positional = positional.slice(0, -1);
  const last = positional[positional.length - 1];
  if (positional.length > 0 && isPlainObject(last)) {
    const slot = positional.length - 1;
    const slotTakesDict = slot < names.length && names.slice(0, slot + 1).some((n) => opts.dictParams?.includes(n));
    const keys = Object.keys(last);
    const allNames = keys.every((k) => names.includes(k) || opts.ignored?.includes(k));
    if (!slotTakesDict || (allNames && keys.length > 0)) {
      kwargs = last;
      positional = positional.slice(0, -1);
    }
  }
  if (positional.length > names.length) {
    const range = required === names.length ? `${names.length}` : `from ${required} to ${names.length}`;
    throw new PyTypeError(
      `${fname}() takes ${range} positional argument${names.length === 1 ? "" : "s"} but ${positional.length} ${positional.length === 1 ? "was" : "were"} given`,
    );
  }
  const out: unknown[] = new Array(names.length);
  const given = new Array<boolean>(names.length).fill(false);
  positional.forEach((v, i) => {
    out[i] = v;
    given[i] = v !== undefined;
  });
  if (kwargs) {
    for (const [k, v] of Object.entries(kwargs)) {
      const i = names.indexOf(k);
      if (i < 0) {
        if (opts.ignored?.includes(k)) continue;
        throw new PyTypeError(`${fname}() got an unexpected keyword argument '${k}'`);
      }
      if (given[i]) throw new PyTypeError(`${fname}() got multiple values for argument '${k}'`);
      out[i] = v;
      given[i] = v !== undefined;
    }
  }
  const missing: string[] = [];
  for (let i = 0; i < required; i++) if (!given[i]) missing.push(names[i]);
  if (missing.length) {
    const list =
      missing.length === 1
        ? `'${missing[0]}'`
        : `${missing
            .slice(0, -1)
            .map((m) => `'${m}'`)
            .join(", ")} and '${missing[missing.length - 1]}'`;
    throw new PyTypeError(`${fname}() missing ${missing.length} required positional argument${missing.length === 1 ? "" : "s"}: ${list}`);
  }
  return out;
}

/**
 * Binds `args` to `params` (names, or `[name, default]` pairs) as Python would bind a call,
 * returning values in parameter order, defaults filled in. For signatures read by hand (class
 * constructors, `sess.run`); API functions are `pyfunc`s.
 * @example
 * bind("placeholder", ["dtype", ["shape", null], ["name", null]], [f32, { name: "x" }]);
 * // → [f32, null, "x"]
 */
export function bind(fname: string, params: readonly Param[], args: readonly unknown[], opts: SignatureOptions = {}): unknown[] {
  const names = params.map((p) => (typeof p === "string" ? p : p[0]));
  const required = params.findIndex((p) => typeof p !== "string");
  const out = bindNames(fname, names, required < 0 ? params.length : required, args, opts);
  params.forEach((p, i) => {
    if (typeof p !== "string" && out[i] === undefined) out[i] = p[1];
  });
  return out;
}
