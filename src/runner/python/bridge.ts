/**
 * The JavaScript side of Python mode: the one object the Python modules (lib/_tfpy) call into.
 * Registered in Pyodide as the module `_tfjs` for one program run.
 *
 * Why a bridge and not Pyodide's automatic conversions: every crossing between Python and
 * JavaScript costs a microsecond or more, so the calls a training loop makes every step
 * (`sess.run`, `print`) are single calls here that do the whole job (set the learner's line,
 * tick the loop heartbeat, build the feed object the engine's call memo recognizes), and the
 * rest gives Python what Pyodide cannot: classification of engine objects, plain objects for
 * keyword arguments, PyFloat boxes, `with` blocks as enter/exit, errors as plain fields.
 */
import type { OperatorRuntime, TF } from "../../../engine";
import {
  NDArray,
  PyFloat,
  contextOf,
  enterBlock,
  float32Repr,
  isPyFloat,
  PyBytes,
  numpyApi,
  pyRepr,
  pyStr,
  restoreScopes,
  sliceHelper,
  toPropertyKey,
  type EnteredBlock,
  type SliceSpec,
} from "../../../engine";
import type { LineCell } from "../line_cell";
import type { LineWriter } from "../output";

/** What kind of value a JavaScript object is, for the Python wrappers (lib/_tfpy/convert.py). */
export const KIND = {
  other: 0,
  tensor: 1,
  operation: 2,
  variable: 3,
  ndarray: 4,
  dtype: 5,
  graph: 6,
  session: 7,
  function: 8,
  array: 9,
  map: 10,
  pyfloat: 11,
  error: 12,
  plain: 13,
  bytes: 14,
  namedtuple: 15,
} as const;

/**
 * A fetched numpy scalar (the engine boxes them: NpFloat32, ...) as a plain number: Python
 * knows the fetch's dtype and makes its own numpy scalar, without a crossing per value.
 */
function plain(x: unknown): unknown {
  return x instanceof Number ? x.valueOf() : x;
}

function plainList(r: unknown): unknown {
  if (!Array.isArray(r)) return plain(r);
  const out = new Array<unknown>(r.length);
  for (let i = 0; i < r.length; i++) out[i] = Array.isArray(r[i]) ? plainList(r[i]) : plain(r[i]);
  return out;
}

/**
 * What a guarded Python callback returns when it raised (lib/_tfpy/convert.py `guarded`): the
 * bridge's wrapper then throws a CallbackFailure, and Python raises the kept exception.
 */
const FAILED = Object.freeze({ failed: true });

/** The engine's view of an exception a Python callback raised (the exception stays in Python). */
class CallbackFailure extends Error {
  constructor() {
    super("a Python function called by TensorFlow raised an exception");
    this.name = "CallbackFailure";
  }
}

/** What the bridge is made from (one program run). */
export interface BridgeDeps {
  tf: TF;
  py: OperatorRuntime;
  np: ReturnType<typeof numpyApi>;
  ln: LineCell;
  stdout: LineWriter;
  stderr: LineWriter;
  /** The learner's current line, read from Python's frames (for ops built between runs). */
  pythonLine: () => number | null;
  /** A one-line note for the learner (the Python 2 print conversion). */
  note(code: string, message: string, line: number | null): void;
}

/** The bridge object (its methods are called from Python). */
export type Bridge = ReturnType<typeof createBridge>;

/**
 * Builds the bridge for one run, and the line hook the engine's context reads.
 * @example
 * const { bridge, line } = createBridge({ tf, py, np, ln, stdout, stderr, pythonLine, note });
 */
export function createBridge(d: BridgeDeps) {
  const { tf, ln } = d;
  const ctx = contextOf(tf);
  const T = tf as unknown as Record<string, unknown> & {
    Tensor: abstract new (...a: never[]) => unknown;
    Operation: abstract new (...a: never[]) => unknown;
    Variable: abstract new (...a: never[]) => unknown;
    Graph: abstract new (...a: never[]) => unknown;
    Session: abstract new (...a: never[]) => unknown;
  };
  const dtypeProto = Object.getPrototypeOf(tf.float32) as object;
  // During a `sess.run` made through the bridge, the line is the one Python passed; otherwise
  // (ops built by any call) it is read from Python's frames when the engine asks.
  let runLine: number | null | undefined = undefined;
  const line = (): number | null => {
    if (runLine !== undefined) return runLine;
    const l = d.pythonLine();
    ln.l = l;
    return l;
  };
  const tick = (): void => {
    if (--ln.c < 0) ln.t();
  };

  /**
   * Writes the print lines encoded in `flat` from index `from`: per line a header
   * `count + 32 * mask`, then `count` parts (strings; numbers: float32 values where the mask's
   * bit is set, formatted as numpy prints them, else Python ints).
   */
  const printBatch = (flat: unknown[], from: number): void => {
    let i = from;
    let lines = 0;
    while (i < flat.length) {
      const h = flat[i++] as number;
      const count = h & 31;
      let mask = (h - count) / 32;
      let text = "";
      for (let k = 0; k < count; k++) {
        const p = flat[i++];
        if (k > 0) text += " ";
        text += typeof p === "number" ? (mask & 1 ? float32Repr(p) : String(p)) : (p as string);
        mask = Math.floor(mask / 2);
      }
      d.stdout.writeLine(text);
      lines++;
    }
    ln.c -= lines;
    if (ln.c < 0) ln.t();
  };

  const bridge = {
    tf,
    np: d.np,
    ops: d.py,
    KIND,
    /** The kind of `x` (KIND). */
    kind(x: unknown): number {
      if (x === null || typeof x !== "object") return typeof x === "function" ? KIND.function : KIND.other;
      if (x instanceof T.Tensor) return KIND.tensor;
      if (x instanceof T.Variable) return KIND.variable;
      if (x instanceof T.Operation) return KIND.operation;
      if (x instanceof NDArray) return KIND.ndarray;
      if (Object.getPrototypeOf(x) === dtypeProto) return KIND.dtype;
      if (x instanceof T.Graph) return KIND.graph;
      if (x instanceof T.Session) return KIND.session;
      // A namedtuple result (engine/pytuple.ts) has its fields and `__repr__` as extra own names.
      if (Array.isArray(x)) return Object.getOwnPropertyNames(x).length > x.length + 2 ? KIND.namedtuple : KIND.array;
      if (x instanceof Map) return KIND.map;
      if (isPyFloat(x)) return KIND.pyfloat;
      if (x instanceof PyBytes) return KIND.bytes;
      if (x instanceof Error) return KIND.error;
      if (Object.getPrototypeOf(x) === Object.prototype) return KIND.plain;
      return KIND.other;
    },
    /** A namedtuple result's field names, in order (the non-index own names of the array). */
    tupleFields: (x: unknown[]): string[] => Object.getOwnPropertyNames(x).filter((n) => n !== "length" && !/^\d+$/.test(n) && !n.startsWith("__")),
    /** The names of an object's own enumerable members (a namespace's `dir`). */
    keys: (o: object): string[] => Object.keys(o),
    /** A JavaScript array of the arguments. */
    arr: (...items: unknown[]): unknown[] => items,
    /**
     * A Python dict with string keys: a plain object from alternating keys and values, as the
     * dialect writes a dict (`{"a": x}`: tf.data's structures, a map function's result). Keys
     * are defined, not assigned, so `"__proto__"` is a key like any other.
     */
    dict(...kv: unknown[]): Record<string, unknown> {
      const o: Record<string, unknown> = {};
      for (let i = 0; i < kv.length; i += 2) Object.defineProperty(o, kv[i] as string, { value: kv[i + 1], enumerable: true, writable: true, configurable: true });
      return o;
    },
    /** Keyword arguments: a plain object from alternating keys and values. */
    kw(...kv: unknown[]): Record<string, unknown> {
      const o: Record<string, unknown> = {};
      for (let i = 0; i < kv.length; i += 2) o[kv[i] as string] = kv[i + 1];
      return o;
    },
    /** A feed_dict: keys are tensors (or names), as the dialect's `{[x]: v}` makes them. */
    feed(...kv: unknown[]): Record<string, unknown> {
      const o: Record<string, unknown> = {};
      for (let i = 0; i < kv.length; i += 2) o[toPropertyKey(kv[i]) as string] = kv[i + 1];
      return o;
    },
    /** A Map from alternating keys and values (a Python dict given as a value). */
    map(...kv: unknown[]): Map<unknown, unknown> {
      const m = new Map<unknown, unknown>();
      for (let i = 0; i < kv.length; i += 2) m.set(kv[i], kv[i + 1]);
      return m;
    },
    /** A Python float that happens to be whole (`2.0`): boxed, so the engine sees a float. */
    float: (v: number): PyFloat => new PyFloat(v),
    /** `sess.run(fetches, feed)` at the learner's `line`, with the loop heartbeat. */
    run(sess: { run(f: unknown, fd: unknown): unknown }, at: number | null, fetches: unknown, feed: unknown): unknown {
      ln.l = at;
      runLine = at;
      tick();
      try {
        const r = sess.run(fetches, feed);
        return Array.isArray(r) ? plainList(r) : plain(r);
      } finally {
        runLine = undefined;
      }
    },
    /**
     * A prepared `sess.run` for one call shape of a training loop (the same fetches and feed
     * keys every step): one crossing per step, the feed values as arguments. Returns the run's
     * result, or only its element `pick` (the one fetch that is not an op), or the result as is
     * (`pick` -1).
     */
    prepare(sess: { run(f: unknown, fd: unknown): unknown }, fetches: unknown, keys: unknown[], pick: number) {
      const names = keys.map((k) => toPropertyKey(k) as string);
      const n = names.length;
      return (at: number | null, ...args: unknown[]): unknown => {
        ln.l = at;
        runLine = at;
        if (--ln.c < 0) ln.t();
        let fd: Record<string, unknown> | null = null;
        if (n > 0) {
          fd = {};
          for (let i = 0; i < n; i++) fd[names[i]] = args[i];
        }
        try {
          const r = sess.run(fetches, fd);
          return pick >= 0 ? plain((r as unknown[])[pick]) : pick === -1 ? plain(r) : plainList(r);
        } finally {
          runLine = undefined;
        }
      };
    },
    /** Buffered print lines (lib/_tfpy/out.py's encoding), written to stdout in order. */
    printBatch: (...flat: unknown[]): void => printBatch(flat, 0),
    /**
     * One `print` line: numbers are float32 values (numpy's repr), strings are printed as they are.
     */
    printLine(sep: string, end: string, ...parts: unknown[]): void {
      if (--ln.c < 0) ln.t();
      let text = "";
      for (let i = 0; i < parts.length; i++) {
        const p = parts[i];
        if (i > 0) text += sep;
        text += typeof p === "number" ? float32Repr(p) : (p as string);
      }
      if (end === "\n") d.stdout.writeLine(text);
      else d.stdout.write(text + end);
    },
    FAILED,
    /** A Python callback (a proxy) as the engine's function: FAILED becomes a thrown CallbackFailure. */
    guard(f: (...a: unknown[]) => unknown): (...a: unknown[]) => unknown {
      return (...a: unknown[]) => {
        const r = f(...a);
        if (r === FAILED) throw new CallbackFailure();
        return r;
      };
    },
    /** Whether `e` is the engine's view of an exception a Python callback raised. */
    isCallbackFailure: (e: unknown): boolean => e instanceof CallbackFailure,
    /** Calls a JavaScript function with the arguments Python gave (used for methods with `this`). */
    call: (f: (...a: unknown[]) => unknown, ...args: unknown[]): unknown => f(...args),
    /** Python's str / repr of an engine value (numpy's printing for arrays). */
    str: (x: unknown): string => pyStr(x),
    repr: (x: unknown): string => pyRepr(x),
    /** numpy's repr of a float32 scalar (`2.3205383`, `3e-12`, `1.0`). */
    f32: (x: number): string => float32Repr(x),
    /** The elements of an NDArray, flattened, as a JavaScript array (for tolist and iteration). */
    ndlist: (a: NDArray): unknown => a.tolist(),
    /** `tensor[spec]` (TF's _slice_helper); a spec entry is an index, a tensor, a slice or null/"...". */
    slice: (t: unknown, specs: SliceSpec[]): unknown => sliceHelper(ctx, t as never, specs.length === 1 ? specs[0] : specs),
    /** `{start, stop, step}` for `slice(...)` (null fields: omitted bounds). */
    pyslice: (start: unknown, stop: unknown, step: unknown) => ({ start, stop, step }),
    /** Enters the dialect block `obj[method](...args, body)`; returns the entered block. */
    enter: (obj: Record<string, (...a: unknown[]) => unknown>, method: string, ...args: unknown[]): EnteredBlock =>
      enterBlock(ctx, (body) => obj[method](...args, body)),
    /** The value an entered block binds with `as`. */
    entered: (b: EnteredBlock): unknown => b.value,
    /** Leaves an entered block. */
    exit: (b: EnteredBlock): void => restoreScopes(ctx, b.outside),
    /** Makes `sess` the default session (its `with` block), returning the entered block. */
    enterSession: (sess: { as_default(fn: (s: unknown) => unknown): unknown }): EnteredBlock => enterBlock(ctx, (body) => sess.as_default(body)),
    /** An error's fields for Python: [name, message, op name or null, error code or null]. */
    errorFields(e: unknown): unknown[] {
      if (!(e instanceof Error)) return ["Error", String(e), null, null];
      const op = (e as { op?: unknown }).op;
      const code = (e as { error_code?: unknown }).error_code;
      return [e.name, e.message, typeof op === "string" ? op : null, typeof code === "number" ? code : null];
    },
    /** Writes a line (without its newline) of the program's stdout / stderr. */
    out: (text: string): void => {
      tick();
      d.stdout.writeLine(text);
    },
    err: (text: string): void => d.stderr.writeLine(text),
    /** Writes text (possibly partial lines) to stdout / stderr. */
    write: (text: string): void => d.stdout.write(text),
    writeErr: (text: string): void => d.stderr.write(text),
    /** A note to the learner (a diagnostic event). */
    note: (code: string, message: string, at: number | null): void => d.note(code, message, at),
  };
  return { bridge, line };
}
