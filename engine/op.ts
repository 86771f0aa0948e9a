/**
 * The op declaration: everything about one TF op type in one place (shape and dtype inference,
 * kernel, gradient, side effects), as early tinygrad kept forward, backward and registration
 * together. TF itself spreads this over C++ registration, kernels and Python gradients.
 */
import { bool, float32, int32, int64, type DType } from "./dtypes.js";
import { NDArray } from "./ndarray.js";
import type { TensorShape } from "./shape.js";
import type { Operation, Tensor } from "./graph.js";
import type { EffectKind, ValueSummary } from "./records.js";
import type { GradientBuilders } from "./gradients/builders.js";
import type { GraphFunction } from "./function_graph.js";
import type { EngineFiles } from "./files.js";

/**
 * Declared side effects. An op with any effect is stateful: it always runs when on the path,
 * and the run record reports it.
 * - `variable`: owns session memory (VariableV2).
 * - `writes-variable`: writes the variable behind its ref input (Assign, ApplyGradientDescent).
 * - `reads-variable`: reads variable memory through a ref input without writing.
 * - `prints`: writes to the program's stderr (Print).
 * - `random`: draws from a per-session random stream (RandomUniform).
 * - `placeholder`: must be fed.
 * - `stack`: creates, pushes to or pops from a stack that lives for one run (TF's step
 *   container): how a while loop's gradient keeps each iteration's forward values.
 * - `asserts`: fails the run when its condition is false (Assert).
 * - `writes-file` / `reads-file`: writes or reads a file of the program's file store (SaveV2,
 *   RestoreV2: checkpoints; see files.ts).
 * - `summary`: reports the values it summarizes (ScalarSummary, HistogramSummary).
 * - `iterator`: creates, initializes or advances a `tf.data` iterator the session holds.
 * - `queue`: creates, fills, drains or closes a queue the session holds (FIFOQueue).
 */
export type Effect =
  | "variable"
  | "writes-variable"
  | "reads-variable"
  | "prints"
  | "random"
  | "placeholder"
  | "stack"
  | "asserts"
  | "writes-file"
  | "reads-file"
  | "summary"
  | "iterator"
  | "queue";

/** One declared input. */
export interface InputSpec {
  /** TF's argument name, e.g. `x`, `y`, `ref`, `value`; also the name of a converted constant. */
  name: string;
  /** Type attr shared by inputs that must agree (`T`), or absent for a fixed dtype. */
  typeAttr?: string;
  /** Fixed dtype (e.g. int32 for an axis), when there is no type attr. */
  dtype?: DType;
  /** A ref input: the op writes (or reads in place) the variable behind it. Not a dependency. */
  ref?: boolean;
  /** A list input (`values` of Pack/ConcatV2/AddN): any number of tensors. */
  list?: boolean;
}

/** A type attr: which dtypes it admits, and TF's wording of the admitted list for errors. */
export interface TypeAttrSpec {
  allowed: readonly DType[];
  /** TF's list as its TypeError prints it, e.g. `float16, bfloat16, float32, float64`. */
  tfList: string;
  /** The attr's default dtype (TF converts plain values with it as the preferred dtype). */
  default?: DType;
}

/** What shape inference sees. */
export interface InferContext<A> {
  readonly opName: string;
  readonly opType: string;
  /** Static shapes of the inputs (list inputs flattened in order). */
  readonly shapes: readonly TensorShape[];
  /** Dtypes of the inputs (base dtypes). */
  readonly dtypes: readonly DType[];
  /** Attrs, with bound type attrs (e.g. `T`) filled in. */
  readonly attrs: A;
  /** The value of input `i` if it is known at graph-construction time (a Const), else null. */
  constValue(i: number): NDArray | null;
  /**
   * Throws TF's shape-inference ValueError: `msg` + ` for 'name' (op: 'Type') with input shapes: [2], [3].`
   */
  fail(msg: string): never;
}

/** What a kernel sees besides its inputs. Implemented by the executor's step. */
export interface KernelContext<A> {
  readonly attrs: A;
  readonly op: Operation;
  /**
   * An output buffer, reused across runs when dtype and shape repeat. Its old contents are
   * arbitrary: the kernel must write every element.
   */
  alloc(dtype: DType, shape: readonly number[]): NDArray;
  /** The session memory cell of the variable behind ref input `i` (-1: the op's own, for VariableV2). */
  cell(i: number): VariableCell;
  /**
   * Reports a side effect that fired: the variable written with its value before and after, or
   * the printed text. Positional, so a training step allocates no detail objects.
   */
  effect(kind: EffectKind, target?: string, before?: ValueSummary, after?: ValueSummary, text?: string): void;
  /** True when the run listener wants side-effect details (before/after summaries). */
  readonly recording: boolean;
  /** Summarizes a value for a side-effect record. */
  summarize(v: NDArray): ValueSummary;
  /** Writes a line to the program's stderr (tf.Print). */
  stderr(text: string): void;
  /** Per-(op, session) state, e.g. a random stream or a Print's `first_n` counter. */
  state<T>(init: () => T): T;
  /** A fallback seed for unseeded random ops. */
  seed(): number;
  /**
   * Resources that live for one run (TF's per-step container), by handle: the stacks a while
   * loop's gradient pushes forward values to and pops them from.
   */
  runResources(): Map<string, unknown>;
  /**
   * Resources the session holds across runs (TF's resource manager), by handle: `tf.data`
   * iterators and queues. Each session has its own, so two sessions iterate independently.
   */
  sessionResources(): Map<string, unknown>;
  /**
   * Calls a traced function (a `Dataset.map` function) in this session: feeds `args` (its
   * parameters, then its captured values) and returns copies of its results.
   */
  call(fn: GraphFunction, args: readonly NDArray[]): NDArray[];
  /** Lets the runner check the time limit and Stop during a long kernel (an iterator's filter scan). */
  tick(): void;
  /** The program's file store (checkpoints), shared by every session of the program. */
  files(): EngineFiles;
}

/** A variable's memory in one session. */
export interface VariableCell {
  /** The variable op's name, for errors. */
  readonly name: string;
  value: NDArray | null;
}

/**
 * Builds the gradient of an op as graph nodes. Returns one entry per input (null: no gradient).
 * `b` is what it builds with (TF's builders, Python's operators, generated ops), supplied by
 * gradients.ts: op declarations import nothing from the API.
 */
export type GradientFn<A = Record<string, unknown>> = (
  op: Operation & { attrs: A },
  /** Gradients of the op's outputs (null where an output did not affect ys). */
  grads: (Tensor | null)[],
  b: GradientBuilders,
) => (Tensor | null)[];

/**
 * Marks an op type for which TF registers no gradient at all: `tf.gradients` through it raises
 * `LookupError: No gradient defined for operation 'x' (op type: T)`. (A `null` gradient is TF's
 * `NotDifferentiable`: the gradient silently stops there.)
 */
export const NO_GRADIENT = "no-gradient" as const;

/**
 * The op's element function for 0-d inputs, when its kernel is a plain elementwise map: the
 * scalar compiler (session/scalar/) calls it directly in a training loop on scalars.
 * The result is rounded to the dtype (float32: Math.fround; int32: wraps) as the kernel's
 * typed-array store would. Absent for ops whose kernel does more (checks, state, effects).
 */
export interface ScalarForm {
  f: (...x: number[]) => number;
  /** For float32 where it differs from rounding `f`'s result. */
  f32?: (...x: number[]) => number;
  /** For int32 (null: the op has no int32 kernel). */
  i32?: ((...x: number[]) => number) | null;
  /**
   * For int64, where `f` (exact on whole numbers below 2^53, as int64 is stored) does not give
   * the integer result (a truncating division); null: the op has no int64 scalar form.
   */
  i64?: ((...x: number[]) => number) | null;
}

/**
 * The element function a kernel and the scalar compiler use for `dtype`: `f32` for float32
 * (default `f`), `i32` for int32 (none unless given), `i64` for int64 (default `f`), `f`
 * otherwise; null when there is none.
 * @example
 * const add = elementFn({ f: (x, y) => x + y, i32: (x, y) => (x + y) | 0 }, tf.int32);
 */
export function elementFn<F extends (...x: number[]) => number>(form: { f: F; f32?: F; i32?: F | null; i64?: F | null }, dtype: DType): F | null {
  if (dtype === float32) return form.f32 ?? form.f;
  if (dtype === int32) return form.i32 ?? null;
  if (dtype === int64) return form.i64 === undefined ? form.f : form.i64;
  return form.f;
}

/**
 * A 0-d output that is one of the op's 0-d inputs: the scalar compiler passes the input's
 * register on instead of computing anything (Reshape, Squeeze, a reduction over no axis,
 * Identity: input 0; Fill: its value, input 1).
 */
export interface ScalarPassThrough {
  input: number;
  /**
   * The generic kernel returns the input's own buffer, so a variable read through the op is
   * seen changed by a later assign of the same run: the compiled program reads the variable
   * again there too. False for a kernel that copies (Fill).
   */
  sameBuffer: boolean;
}

/**
 * How an op that writes the variable behind its ref input 0 changes it, for 0-d values:
 * `new = f(old, input1, input2, ...)`, stored (and so rounded) into the variable's buffer, and
 * the effect it records (`assign` for Assign*, `update` for the optimizers' Apply* ops).
 */
export interface ScalarUpdate {
  effect: EffectKind;
  f: (old: number, ...inputs: number[]) => number;
  /** For float32 where it differs from rounding `f`'s result on store. */
  f32?: (old: number, ...inputs: number[]) => number;
  /** For int32 where it differs from wrapping `f`'s result on store. */
  i32?: (old: number, ...inputs: number[]) => number;
  /** For int64 where it differs from `f`. */
  i64?: (old: number, ...inputs: number[]) => number;
}

/**
 * How an op meets a dead input — the value of an untaken branch in TF's control flow (a
 * Switch's other output, and everything computed from it):
 * - `propagate` (most ops): the op does not run; its outputs are dead too. A dead control
 *   input counts as well, which is how the constants of an untaken branch (they wait for the
 *   branch's pivot) stay dead.
 * - `any-live` (Merge): the op runs when any data input is live, and its kernel sees the dead
 *   ones as `DEAD`; with every data input dead its outputs are dead.
 * - `ignore` (ControlTrigger): the op runs even when its inputs are dead.
 * The scalar compiler leaves any op that does not simply propagate to the generic executor.
 */
export type DeadInputs = "propagate" | "any-live" | "ignore";

/**
 * The value of a dead tensor: an output of an untaken branch. A kernel returns it for an
 * output that carries nothing this run (Switch's other output); the executors hand it to
 * `any-live` kernels in place of a dead input, and never to any other kernel.
 */
export const DEAD: NDArray = Object.freeze(new NDArray(bool, [0], new Uint8Array(0))) as NDArray;

/**
 * Where an op moves a value between the frames of TF's while loops (the executors run a
 * frame's ops once per iteration):
 * - `enter`: into the child frame named by its `frame_name` attr — at the first iteration, or
 *   at every iteration when its `is_constant` attr is true (a value the loop only reads);
 * - `exit`: out to the parent frame, when the loop ends;
 * - `next-iteration`: on to the next iteration of its frame (the loop's back edge).
 */
export type FrameEdge = "enter" | "exit" | "next-iteration";

/** The full declaration of an op type. */
export interface OpDef<A extends object = Record<string, unknown>> {
  /** TF op type; the default node name derives from it. */
  type: string;
  /** One-sentence description, shown in the inspector and hover help. */
  doc: string;
  inputs: readonly InputSpec[];
  /** Type attrs and their admitted dtypes. */
  typeAttrs?: Readonly<Record<string, TypeAttrSpec>>;
  /** Declared side effects; `[]` for a pure op. Required so that "stateful" is a decision. */
  effects: readonly Effect[];
  /** Output dtypes (one entry per output; `[]` for none). */
  inferDtype(c: InferContext<A>): DType[];
  /** Output static shapes (one entry per output). */
  inferShape(c: InferContext<A>): TensorShape[];
  /** Elementwise form for 0-d inputs (optional; see ScalarForm). */
  scalar?: ScalarForm;
  /** For 0-d values, the output is an input (optional; see ScalarPassThrough). */
  scalarPassThrough?: ScalarPassThrough;
  /** For 0-d values, how it writes its variable (optional; see ScalarUpdate). */
  scalarUpdate?: ScalarUpdate;
  /**
   * Output 0 is input 0 itself (Identity, StopGradient): the generic executor runs nothing and
   * gives the output the input's value slot, unless the input may be a variable's buffer, which
   * assigns change in place during a run.
   */
  aliasesInput?: boolean;
  /** The outputs depend only on the inputs' shapes (Shape, Size, Rank): a step is memoized on shapes. */
  readsShapesOnly?: boolean;
  /** How the op meets a dead input (default `propagate`; see DeadInputs). */
  deadInputs?: DeadInputs;
  /** The kernel may return `DEAD` for an output (Switch: the output of the untaken branch). */
  deadOutputs?: boolean;
  /**
   * TF 1.15 registers only CPU kernels for the op (Print, Assert, SaveV2, the summaries): the
   * placer puts it on the CPU, and pinning it to a GPU fails without soft placement.
   */
  cpuOnly?: boolean;
  /** The op moves its value between while-loop frames (see FrameEdge). */
  frame?: FrameEdge;
  /**
   * Output 0 is a reference to the same variable as ref input 0 (RefSwitch, RefEnter): an op
   * writing through it writes that variable.
   */
  forwardsRef?: boolean;
  /**
   * Computes the outputs from the inputs: one NDArray for a single-output op (no array
   * allocation on the hot path), an array for several, null for none. Never mutates its inputs.
   */
  kernel(inputs: NDArray[], k: KernelContext<A>): NDArray | NDArray[] | null;
  /**
   * Gradient builder; null when TF registers the op as `NotDifferentiable` (gradients stop
   * silently); NO_GRADIENT when TF registers nothing (asking for a gradient through it fails).
   */
  gradient: GradientFn<A> | null | typeof NO_GRADIENT;
}

/** Declares an op (identity function that fixes the attr type). */
export function defineOp<A extends object = Record<string, never>>(def: OpDef<A>): OpDef<A> {
  return def;
}

/** Any op definition, with attrs erased. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyOpDef = OpDef<any>;

/** A registry built from one literal list; a duplicate type is a programming error. */
export class OpRegistry {
  private readonly byType = new Map<string, AnyOpDef>();

  constructor(defs: readonly AnyOpDef[]) {
    for (const d of defs) {
      if (this.byType.has(d.type)) throw new Error(`Op type ${d.type} is registered twice`);
      this.byType.set(d.type, d);
    }
  }

  get(type: string): AnyOpDef {
    const d = this.byType.get(type);
    if (!d) throw new Error(`Op type not registered '${type}'`);
    return d;
  }

  has(type: string): boolean {
    return this.byType.has(type);
  }

  all(): AnyOpDef[] {
    return [...this.byType.values()];
  }
}
