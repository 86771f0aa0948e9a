/**
 * Graphs, operations and tensors, with TF 1.x's naming, scoping and text forms.
 */
import { DType } from "./dtypes.js";
import { EngineContext } from "./context.js";
import { KeyError, PyTypeError, ResourceExhaustedError, RuntimeError, ValueError } from "./errors.js";
import type { AnyOpDef, InferContext } from "./op.js";
import type { NDArray } from "./ndarray.js";
import { TensorShape, asShape } from "./shape.js";
import type { NodeRecord } from "./records.js";
import type { Session } from "./session/session.js";
import { intern } from "./intern.js";
import { pyClassName } from "./format/pytypes.js";
import { constValueOf } from "./ops/support/const_value.js";

const VALID_OP_NAME = /^[A-Za-z0-9.][A-Za-z0-9_.\-/>]*$/;
const VALID_SCOPE_NAME = /^[A-Za-z0-9_.\-/>]*$/;

/** TF's `name_from_scope_name`: a scope name `a/b/` names the op `a/b`. */
export function nameFromScopeName(name: string): string {
  return name.endsWith("/") ? name.slice(0, -1) : name;
}

/**
 * A symbolic handle to one output of an operation: it holds no value. `sess.run` computes it.
 * @example
 * const a = tf.constant(2);
 * print(a);       // Tensor("Const:0", shape=(), dtype=int32)
 * print(a.name);  // Const:0
 */
export class Tensor {
  /** Unique within the graph; used by the executor. */
  readonly id: number;
  private _shape: TensorShape;
  private _str: string | null = null;
  private _name: string | null = null;

  constructor(
    /** The operation that produces this tensor. */
    readonly op: Operation,
    /** Which output of `op` this is. */
    readonly value_index: number,
    /** Element type; a `_ref` dtype for a TF 1.x variable's own output. */
    readonly dtype: DType,
    shape: TensorShape,
  ) {
    this._shape = shape;
    this.id = op.graph._nextTensorId++;
  }

  /** `op_name:index`, e.g. `add:0`. */
  get name(): string {
    return (this._name ??= intern(`${this.op.name}:${this.value_index}`));
  }

  /** The graph this tensor belongs to. */
  get graph(): Graph {
    return this.op.graph;
  }

  /** The static shape, e.g. `(?, 3)`. */
  get shape(): TensorShape {
    return this._shape;
  }

  /** The device (always empty: the playground has one CPU). */
  get device(): string {
    return "";
  }

  /**
   * The static shape (TF 1.x spelling).
   * @example
   * tf.placeholder(tf.float32, [null, 3]).get_shape(); // (?, 3)
   */
  get_shape(): TensorShape {
    return this._shape;
  }

  /**
   * Refines the static shape; ValueError when incompatible.
   * @example
   * const x = tf.placeholder(tf.float32);
   * x.set_shape([2, 3]);
   */
  set_shape(shape: unknown): void {
    const merged = this._shape.merge_with(asShape(shape));
    this._shape = merged;
    this._str = null;
  }

  /**
   * Computes this tensor in `session` (default: the default session) — a shortcut for `sess.run(t)`.
   * @example
   * sess.as_default(() => print(tf.constant(3).eval())); // 3
   */
  eval(feed_dict: unknown = null, session: unknown = null): unknown {
    const [fd, sess] = evalArgs(feed_dict, session);
    return this.op.graph.ctx.evalIn(this, fd, sess, "evaluate tensor");
  }

  /** Ops that read this tensor. */
  consumers(): Operation[] {
    return this.op.graph.get_operations().filter((o) => o.inputs.includes(this));
  }

  /** Python's `str(tensor)`: `Tensor("add:0", shape=(), dtype=int32)`. */
  toString(): string {
    if (this._str === null) {
      const shapePart = this._shape.dims === null ? "" : `, shape=${this._shape}`;
      this._str = `Tensor("${this.name}"${shapePart}, dtype=${this.dtype.displayName})`;
    }
    return this._str;
  }

  /** Python's `str(tensor)`. */
  __str__(): string {
    return this.toString();
  }

  /** Python's `repr(tensor)`: `<tf.Tensor 'add:0' shape=() dtype=int32>`. */
  __repr__(): string {
    return `<tf.Tensor '${this.name}' shape=${this._shape} dtype=${this.dtype.displayName}>`;
  }

  /** Marks the object as a graph element for feed/fetch handling. */
  get __graphElement__(): Tensor {
    return this;
  }
}

/** Attribute values of an op (type attrs hold DTypes). */
export type Attrs = Record<string, unknown>;

/**
 * A node in the graph: an op type applied to input tensors, producing output tensors.
 * @example
 * const c = tf.constant(2);
 * print(c.op.name, c.op.type); // Const Const
 */
export class Operation {
  readonly id: number;
  readonly outputs: Tensor[] = [];
  private readonly _controlInputs: Operation[];
  /** Unique name in the graph, e.g. `outer/add_1`. */
  readonly name: string;
  /** Learner's line that created the op. */
  readonly line: number | null;

  constructor(
    readonly graph: Graph,
    readonly def: AnyOpDef,
    /** Unique name in the graph, e.g. `outer/add_1`. */
    name: string,
    /** Input tensors in order (ref inputs included). */
    readonly inputs: Tensor[],
    controlInputs: Operation[],
    readonly attrs: Attrs,
    line: number | null,
  ) {
    this.name = intern(name);
    this.id = graph._ops.length;
    this._controlInputs = controlInputs;
    this.line = line;
  }

  /** The op type, e.g. `Add`. */
  get type(): string {
    return this.def.type;
  }

  /** Ops this op waits for without reading their outputs. */
  get control_inputs(): Operation[] {
    return this._controlInputs;
  }

  /** The device (always empty). */
  get device(): string {
    return "";
  }

  /** Whether input `i` is a ref input (written, not read as a dependency). */
  isRefInput(i: number): boolean {
    const specs = this.def.inputs;
    const spec = specs[Math.min(i, specs.length - 1)];
    return spec !== undefined && spec.ref === true && !spec.list;
  }

  /**
   * The value of an attr, e.g. `op.get_attr("dtype")`.
   * @example
   * tf.placeholder(tf.float32).op.get_attr("dtype"); // <dtype: 'float32'>
   */
  get_attr(name: string): unknown {
    if (!(name in this.attrs)) throw new ValueError(`Operation '${this.name}' has no attr named '${name}'.`);
    return this.attrs[name];
  }

  /**
   * Runs this op in `session` (default: the default session) — a shortcut for `sess.run(op)`.
   * @example
   * sess.as_default(() => init.run());
   */
  run(feed_dict: unknown = null, session: unknown = null): null {
    const [fd, sess] = evalArgs(feed_dict, session);
    this.graph.ctx.evalIn(this, fd, sess, "execute operation");
    return null;
  }

  /** The outputs (TF's `op.values()`). */
  values(): Tensor[] {
    return this.outputs;
  }

  /** Adds a control input after creation (TF's `_add_control_input`). */
  _add_control_input(op: Operation): void {
    if (!this._controlInputs.includes(op)) this._controlInputs.push(op);
  }

  /** Python's `repr(op)`: `<tf.Operation 'init' type=NoOp>`. */
  __repr__(): string {
    return `<tf.Operation '${this.name}' type=${this.type}>`;
  }

  /** Python's `str(op)`: the NodeDef in protobuf text format. */
  __str__(): string {
    return nodeDefText(this);
  }

  toString(): string {
    return this.__repr__();
  }

  get __graphElement__(): Operation {
    return this;
  }
}

/** Protobuf text of an op's NodeDef, as `print(op)` shows in TF 1.x. */
function nodeDefText(op: Operation): string {
  const lines = [`name: "${op.name}"`, `op: "${op.type}"`];
  for (const t of op.inputs) lines.push(`input: "${t.value_index === 0 ? t.op.name : t.name}"`);
  for (const c of op.control_inputs) lines.push(`input: "^${c.name}"`);
  const keys = Object.keys(op.attrs).filter((k) => !k.startsWith("_")).sort();
  for (const k of keys) {
    const v = op.attrs[k];
    const text = attrValueText(v);
    if (text === null) continue;
    lines.push("attr {", `  key: "${k}"`, "  value {", `    ${text}`, "  }", "}");
  }
  return lines.join("\n") + "\n";
}

function attrValueText(v: unknown): string | null {
  if (v instanceof DType) return `type: ${v.enumName}`;
  if (v instanceof TensorShape) {
    if (v.dims === null) return "shape {\n      unknown_rank: true\n    }";
    if (v.dims.length === 0) return "shape {\n    }";
    return `shape {\n${v.dims.map((d) => `      dim {\n        size: ${d === null ? -1 : d}\n      }`).join("\n")}\n    }`;
  }
  if (typeof v === "boolean") return `b: ${v}`;
  if (typeof v === "number") return Number.isInteger(v) ? `i: ${v}` : `f: ${v}`;
  if (typeof v === "string") return `s: "${v}"`;
  return null;
}

/** `eval(feed_dict, session)` also accepts `eval({feed_dict, session})`. */
function evalArgs(feedDict: unknown, session: unknown): [unknown, Session | null] {
  if (feedDict !== null && typeof feedDict === "object" && Object.getPrototypeOf(feedDict) === Object.prototype) {
    const keys = Object.keys(feedDict);
    if (keys.length > 0 && keys.every((k) => k === "feed_dict" || k === "session")) {
      const kw = feedDict as { feed_dict?: unknown; session?: Session };
      return [kw.feed_dict ?? null, kw.session ?? (session as Session | null)];
    }
  }
  return [feedDict, session as Session | null];
}

/** Frame of `tf.control_dependencies`: the ops every new op waits for (null: cleared). */
interface ControlFrame {
  ops: Operation[] | null;
  /** Ops created inside this block (TF's `op_in_group`, for the "dominated" rule). */
  seen: Set<Operation>;
}

/**
 * A TensorFlow graph: the global structure every op call adds a node to.
 * @example
 * const g = tf.Graph();
 * g.as_default(() => { tf.constant(1); });
 * print(g.get_operations().length); // 1
 */
export class Graph {
  /** @internal */ readonly _ops: Operation[] = [];
  /** @internal */ _nextTensorId = 0;
  /** Id for records: 0 for the program's first graph. */
  readonly id: number;
  private readonly byName = new Map<string, Operation>();
  private readonly namesInUse = new Map<string, number>();
  private readonly keyCache = new Map<string, Tensor | Operation>();
  private nameStack = "";
  private readonly controlStack: ControlFrame[] = [];
  private readonly collections = new Map<string, unknown[]>();
  private _finalized = false;
  /** Graph-level random seed (`tf.set_random_seed`). */
  seed: number | null = null;
  /** Per-graph state owned by other modules (variable scopes, gradient bookkeeping). */
  readonly _extensions = new Map<string, unknown>();

  constructor(
    /** @internal */ readonly ctx: EngineContext,
  ) {
    this.id = ctx.graphCount++;
  }

  /** TF 1.x's `graph._last_id`: how many ops exist (used by random seeds). */
  get _last_id(): number {
    return this._ops.length;
  }

  /** Whether `finalize()` was called. */
  get finalized(): boolean {
    return this._finalized;
  }

  /** Makes the graph read-only: adding an op then raises RuntimeError. */
  finalize(): void {
    this._finalized = true;
  }

  /** Bumped on every new op; TF's `graph.version`. */
  get version(): number {
    return this._ops.length;
  }

  /**
   * All ops in creation order.
   * @example
   * tf.constant(2); tf.constant(3);
   * print(tf.get_default_graph().get_operations().length); // 2
   */
  get_operations(): Operation[] {
    return this._ops.slice();
  }

  /**
   * The op named `name`; KeyError if there is none.
   * @example
   * tf.get_default_graph().get_operation_by_name("Const");
   */
  get_operation_by_name(name: string): Operation {
    if (typeof name !== "string") throw new PyTypeError(`Operation names are strings (or similar), not ${typeof name}.`);
    return this.as_graph_element(name, false, true) as Operation;
  }

  /**
   * The tensor named `op:index`; KeyError/ValueError as TF raises them.
   * @example
   * tf.get_default_graph().get_tensor_by_name("Const:0");
   */
  get_tensor_by_name(name: string): Tensor {
    if (typeof name !== "string") throw new PyTypeError(`Tensor names are strings (or similar), not ${typeof name}.`);
    return this.as_graph_element(name, true, false) as Tensor;
  }

  /** TF's `as_graph_element`, with TF's error texts. */
  as_graph_element(obj: unknown, allowTensor = true, allowOperation = true): Tensor | Operation {
    const types = allowTensor && allowOperation ? "Tensor or Operation" : allowTensor ? "Tensor" : "Operation";
    if (typeof obj === "string") return this.elementByName(obj, allowTensor, allowOperation, types);
    const el = graphElementOf(obj);
    if (el instanceof Tensor && allowTensor) {
      if (el.graph !== this) throw new ValueError(`Tensor ${el} is not an element of this graph.`);
      return el;
    }
    if (el instanceof Operation && allowOperation) {
      if (el.graph !== this) throw new ValueError(`Operation ${el.__repr__()} is not an element of this graph.`);
      return el;
    }
    throw new PyTypeError(`Can not convert a ${pyClassName(obj)} into a ${types}.`);
  }

  private elementByName(name: string, allowTensor: boolean, allowOperation: boolean, types: string): Tensor | Operation {
    const q = (s: string) => `'${s}'`;
    if (name.includes(":") && allowTensor) {
      const parts = name.split(":");
      const outN = Number(parts[1]);
      if (parts.length !== 2 || parts[1] === "" || !Number.isInteger(outN)) {
        throw new ValueError(
          `The name ${q(name)} looks a like a Tensor name, but is not a valid one. Tensor names must be of the form "<op_name>:<output_index>".`,
        );
      }
      const op = this.byName.get(parts[0]);
      if (!op) {
        throw new KeyError(`"The name ${q(name)} refers to a Tensor which does not exist. The operation, ${q(parts[0])}, does not exist in the graph."`);
      }
      const t = op.outputs[outN];
      if (!t) {
        throw new KeyError(
          `"The name ${q(name)} refers to a Tensor which does not exist. The operation, ${q(parts[0])}, exists but only has ${op.outputs.length} outputs."`,
        );
      }
      return t;
    }
    if (name.includes(":")) throw new ValueError(`Name ${q(name)} appears to refer to a Tensor, not a ${types}.`);
    if (allowOperation) {
      const op = this.byName.get(name);
      if (!op) throw new KeyError(`"The name ${q(name)} refers to an Operation not in the graph."`);
      return op;
    }
    const msg = this.byName.has(name)
      ? `The name ${q(name)} refers to an Operation, not a ${types}.`
      : `The name ${q(name)} looks like an (invalid) Operation name, not a ${types}.`;
    throw new ValueError(`${msg} Tensor names must be of the form "<op_name>:<output_index>".`);
  }

  /**
   * Resolves a feed/fetch key string quickly: a tensor name (`x:0`), an op name, or the text
   * a tensor turns into as a computed object key (`Tensor("x:0", ...)`, `<tf.Variable 'v:0' ...>`).
   * Results are cached: a training loop resolves the same keys every step.
   */
  resolveKey(key: string, allowOperation: boolean): Tensor | Operation {
    const hit = this.keyCache.get(key);
    if (hit !== undefined && (allowOperation || hit instanceof Tensor)) return hit;
    const m = /^Tensor\("([^"]+)"/.exec(key) ?? /^<tf\.(?:Tensor|Variable) '([^']+)'/.exec(key);
    const el = this.as_graph_element(m ? m[1] : key, true, allowOperation);
    if (this.keyCache.size > 10_000) this.keyCache.clear();
    this.keyCache.set(key, el);
    return el;
  }

  /** @internal registers a key string for an element (variables map to their ref tensor). */
  _registerKey(key: string, el: Tensor | Operation): void {
    this.keyCache.set(key, el);
  }

  /**
   * TF's `unique_name`: `name` under the current scope, suffixed `_1`, `_2`, ... when taken.
   * Case-insensitive, as in TF: after `Add`, `add` becomes `add_1`.
   */
  unique_name(name: string, markAsUsed = true): string {
    if (this.nameStack) name = `${this.nameStack}/${name}`;
    let key = name.toLowerCase();
    let i = this.namesInUse.get(key) ?? 0;
    if (markAsUsed) this.namesInUse.set(key, i + 1);
    if (i > 0) {
      const base = key;
      while (this.namesInUse.has(key)) {
        key = `${base}_${i}`;
        i++;
      }
      if (markAsUsed) this.namesInUse.set(key, 1);
      name = `${name}_${i - 1}`;
    }
    return name;
  }

  /** The current name scope without a trailing slash (`""` at the root). */
  get _name_stack(): string {
    return this.nameStack;
  }

  /**
   * Runs `fn` inside a name scope and returns its result. Like TF's `graph.name_scope`:
   * a name ending in `/` re-enters that exact scope; `""` or null resets to the root.
   */
  name_scope<T>(name: string | null, fn: (scope: string) => T): T {
    if (name) {
      const re = this.nameStack ? VALID_SCOPE_NAME : VALID_OP_NAME;
      if (!re.test(name)) throw new ValueError(`'${name}' is not a valid scope name`);
    }
    const old = this.nameStack;
    const next = !name ? "" : name.endsWith("/") ? nameFromScopeName(name) : this.unique_name(name);
    this.nameStack = next;
    try {
      return fn(next ? `${next}/` : "");
    } finally {
      this.nameStack = old;
    }
  }

  /**
   * Ops created in `fn` wait for `controlInputs` (null clears enclosing dependencies).
   * @example
   * tf.get_default_graph().control_dependencies([assign], () => tf.identity(x));
   */
  control_dependencies<T>(controlInputs: readonly unknown[] | null, fn: () => T): T {
    let ops: Operation[] | null = null;
    if (controlInputs !== null) {
      ops = [];
      for (const c of controlInputs) {
        const el = this.as_graph_element(c, true, true);
        const op = el instanceof Tensor ? el.op : el;
        if (!ops.includes(op)) ops.push(op);
      }
    }
    this.controlStack.push({ ops, seen: new Set() });
    try {
      return fn();
    } finally {
      this.controlStack.pop();
    }
  }

  /** The active control frames: those after the innermost `control_dependencies(null)`. */
  private activeControlFrames(): ControlFrame[] {
    let start = 0;
    for (let i = this.controlStack.length - 1; i >= 0; i--) {
      if (this.controlStack[i].ops === null) {
        start = i + 1;
        break;
      }
    }
    return this.controlStack.slice(start);
  }

  /**
   * Control inputs a new op gets from the enclosing `control_dependencies` blocks, as TF's
   * `_control_dependencies_for_inputs`: a block is skipped when one of the op's inputs was
   * itself created inside it (the op is "dominated": it already waits through that input), and
   * an op it reads as data is not repeated as a control input.
   */
  private currentControlInputs(inputOps: Set<Operation>): Operation[] {
    const out: Operation[] = [];
    for (const frame of this.activeControlFrames()) {
      let dominated = false;
      for (const op of inputOps) {
        if (frame.seen.has(op)) {
          dominated = true;
          break;
        }
      }
      if (dominated) continue;
      for (const op of frame.ops!) if (!inputOps.has(op) && !out.includes(op)) out.push(op);
    }
    return out;
  }

  /**
   * Runs `fn` with this graph as the default graph.
   * @example
   * const g = tf.Graph();
   * g.as_default(() => tf.constant(1));
   */
  as_default<T>(fn: (g: Graph) => T): T {
    this.ctx.graphStack.push(this);
    try {
      return fn(this);
    } finally {
      this.ctx.graphStack.pop();
    }
  }

  /**
   * Collection `name` (TF's `get_collection`), optionally filtered by name-scope prefix.
   * @example
   * tf.get_default_graph().get_collection("trainable_variables");
   */
  get_collection(name: string, scope: string | null = null): unknown[] {
    const items = this.collections.get(name) ?? [];
    if (scope === null) return items.slice();
    const re = new RegExp(`^${scope}`);
    return items.filter((it) => {
      const n = (it as { name?: unknown }).name;
      return typeof n === "string" && re.test(n);
    });
  }

  /** The live list behind a collection (TF's `get_collection_ref`). */
  get_collection_ref(name: string): unknown[] {
    let items = this.collections.get(name);
    if (!items) this.collections.set(name, (items = []));
    return items;
  }

  /** Adds `value` to collection `name`. */
  add_to_collection(name: string, value: unknown): void {
    this.get_collection_ref(name).push(value);
  }

  /** Names of non-empty collections. */
  get_all_collection_keys(): string[] {
    return [...this.collections.keys()];
  }

  /** Creates an op of a registered type. Used by the op-building API, not by learners. */
  _createOp(def: AnyOpDef, inputs: Tensor[], attrs: Attrs, name: string, extraControl: Operation[] = []): Operation {
    if (this._finalized) throw new RuntimeError("Graph is finalized and cannot be modified.");
    if (this._ops.length >= this.ctx.limits.maxOps) {
      throw new ResourceExhaustedError(
        `The graph already has ${this._ops.length} ops, the playground's limit. Is a loop creating new ops on every step? Build the graph once and only call sess.run in the loop.`,
        name,
      );
    }
    if (this.byName.has(name)) throw new ValueError(`Duplicate node name in graph: '${name}'`);
    if (!VALID_OP_NAME.test(name)) throw new ValueError(`'${name}' is not a valid node name`);
    for (const t of inputs) {
      if (t.graph !== this) {
        throw new ValueError(`Tensor ${t} must be from the same graph as ${inputs.find((x) => x.graph === this) ?? "the default graph"}.`);
      }
    }
    const dtypes = inputs.map((t) => t.dtype.base_dtype);
    const shapes = inputs.map((t) => t.shape);
    const infer: InferContext<Attrs> = {
      opName: name,
      opType: def.type,
      shapes,
      dtypes,
      attrs,
      constValue: (i) => constValueOf(inputs[i]),
      fail: (msg) => {
        throw new ValueError(`${msg} for '${name}' (op: '${def.type}') with input shapes: ${shapes.map((s) => s.debugString().replace("<unknown>", "?")).join(", ")}.`);
      },
    };
    const outDtypes = def.inferDtype(infer);
    const outShapes = def.inferShape(infer);
    const inputOps = new Set(inputs.map((t) => t.op));
    const control = this.currentControlInputs(inputOps);
    for (const c of extraControl) if (!control.includes(c)) control.push(c);
    const op = new Operation(this, def, name, inputs, control, attrs, this.ctx.line());
    const refOut = def.effects.includes("variable");
    outDtypes.forEach((dt, i) => op.outputs.push(new Tensor(op, i, refOut ? dt._as_ref : dt, outShapes[i] ?? TensorShape.unknown())));
    this._ops.push(op);
    this.byName.set(name, op);
    for (const frame of this.activeControlFrames()) frame.seen.add(op);
    this.emitNode(op);
    return op;
  }

  private emitNode(op: Operation): void {
    const onNode = this.ctx.hooks.onNode;
    if (!onNode) return;
    const out0 = op.outputs[0];
    const record: NodeRecord = {
      type: "node",
      graph: this.id,
      name: op.name,
      op: op.type,
      inputs: op.inputs.filter((_, i) => !op.isRefInput(i)).map((t) => t.name),
      control_inputs: op.control_inputs.map((c) => c.name),
      ref_inputs: op.inputs.filter((_, i) => op.isRefInput(i)).map((t) => t.name),
      dtype: out0 ? out0.dtype.displayName : null,
      shape: out0 ? String(out0.shape) : null,
      line: op.line,
      effects: [...op.def.effects],
    };
    const display = displayAttrs(op);
    if (display) record.attrs = display;
    onNode(record);
  }

  toString(): string {
    return `<tensorflow.python.framework.ops.Graph object>`;
  }

  __repr__(): string {
    return this.toString();
  }
}

/** A few attrs worth showing in the graph pane (Const values, Print messages). */
function displayAttrs(op: Operation): Record<string, unknown> | undefined {
  const out: Record<string, unknown> = {};
  let any = false;
  for (const [k, v] of Object.entries(op.attrs)) {
    if (k.startsWith("_")) continue;
    if (k === "value" && v && typeof (v as NDArray).toString === "function" && (v as NDArray).size !== undefined) {
      const arr = v as NDArray;
      out.value = arr.size <= 16 ? (arr.shape.length === 0 ? arr.flatAt(0) : arr.toString()) : `${arr.dtype.name} ${JSON.stringify(arr.shape)}`;
      any = true;
    } else if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") {
      out[k] = v;
      any = true;
    } else if (v instanceof DType) {
      out[k] = v.name;
      any = true;
    } else if (v instanceof TensorShape) {
      out[k] = String(v);
      any = true;
    }
  }
  return any ? out : undefined;
}


/** The Tensor or Operation a fetch/feed object stands for (Variables map to their ref tensor). */
export function graphElementOf(obj: unknown): Tensor | Operation | null {
  if (obj instanceof Tensor || obj instanceof Operation) return obj;
  if (obj !== null && typeof obj === "object" && "__graphElement__" in obj) {
    const el = (obj as { __graphElement__: unknown }).__graphElement__;
    if (el instanceof Tensor || el instanceof Operation) return el;
  }
  return null;
}
