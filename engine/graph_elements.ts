/**
 * The elements of a graph: Tensor (a symbolic handle to one output of an op) and Operation (a
 * node), with TF 1.x's names, text forms and `eval()` / `run()` shortcuts. The Graph that holds
 * them is graph.ts, which re-exports them: import all three from there.
 */
import { DType } from "./dtypes.js";
import { AttributeError, InvalidArgumentError, ValueError } from "./errors.js";
import type { AnyOpDef } from "./op.js";
import { TensorShape, asShape } from "./shape.js";
import type { Graph } from "./graph.js";
import type { Session } from "./session/session.js";
import { intern } from "./intern.js";
import { getItem, indexable } from "./tensor_indexing.js";
import type { FlowContext } from "./flow_context.js";

/**
 * A symbolic handle to one output of an operation: it holds no value. `sess.run` computes it.
 * @example
 * const a = tf.constant(2);
 * print(a);       // Tensor("Const:0", shape=(), dtype=int32)
 * print(a.name);  // Const:0
 */
export class Tensor {
  /**
   * Python's `t[i]`: the row (element) `i` of the first axis, `t[-1]` the last, `t[i][j]`
   * nested — a StridedSlice named `strided_slice`, as TF builds it (see `indexable`).
   */
  readonly [index: number]: Tensor;
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

  /** The device its op was placed on by `tf.device` (`/device:GPU:0`), or `""`. */
  get device(): string {
    return this.op.device;
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

  /**
   * Python's `t[spec]` (TF's `_slice_helper`, one StridedSlice): `spec` is an index, a tensor
   * index, a slice `{start, stop, step}` (Python's `slice(1, 3)`), `null` (tf.newaxis) or
   * `"..."` (Ellipsis), or an array of them, one per dimension.
   * @example
   * const col = m.__getitem__([{start: null}, 0]); // m[:, 0]
   * const last = v.__getitem__(-1);               // v[-1], same as v[-1] directly
   */
  __getitem__(spec: unknown): Tensor {
    return getItem(this, spec);
  }

  /**
   * Python's `t[start:stop:step]` on the first axis (omitted bounds: null), like a JS array's
   * `slice`: a StridedSlice.
   * @example
   * const middle = tf.constant([1, 2, 3, 4]).slice(1, 3); // [2 3]
   */
  slice(start: number | Tensor | null = null, stop: number | Tensor | null = null, step: number | Tensor | null = null): Tensor {
    return getItem(this, { start, stop, step });
  }

  /**
   * Sliced assignment, `v[1:3].assign(value)`: only a slice of a variable has it (its own
   * `assign`, set where the slice is built); any other tensor has no such attribute in TF.
   * @example
   * sess.run(v[0].assign(5)); // v is a tf.Variable
   */
  assign(value: unknown, name: string | null = null): Tensor {
    void value;
    void name;
    throw new AttributeError("'Tensor' object has no attribute 'assign'");
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

  /**
   * The tensor as a property key or string (`{[x]: 3}` in a feed dict, `${t}`): its text, as
   * JavaScript's default conversion gives. Defined here so that the conversion, which a
   * training loop makes for every feed of every step, never reaches the indexing Proxy behind
   * the prototype (a lookup there is several times slower than the whole compiled step).
   */
  [Symbol.toPrimitive](): string {
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

indexable(Tensor.prototype, (t) => t as Tensor, "Tensor");
export { indexable };

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
  /** @internal the control-flow context the op belongs to (TF's `_control_flow_context`). */
  _ctxt: FlowContext | null = null;

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

  /** The device `tf.device` asked for, normalized as TF does (`/device:GPU:0`), or `""`. */
  get device(): string {
    return this._device;
  }

  /** @internal set when the op is created, from the graph's `tf.device` blocks. */
  _device = "";

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

  /** Adds control inputs after creation (TF's `_add_control_inputs`). */
  _add_control_inputs(ops: readonly Operation[]): void {
    for (const op of ops) this._add_control_input(op);
  }

  /** Drops every control input (TF's `_remove_all_control_inputs`). */
  _remove_all_control_inputs(): void {
    this._controlInputs.length = 0;
  }

  /**
   * Replaces input `index` (TF's `_update_input`): how a while loop closes its back edge and a
   * control-flow context puts a Switch or an Enter in front of a value from outside. TF's
   * `UpdateEdge` refuses a dtype that does not match.
   */
  _update_input(index: number, tensor: Tensor): void {
    const old = this.inputs[index];
    if (tensor.graph !== this.graph) throw new ValueError(`Tensor ${tensor} must be from the same graph as ${this.__repr__()}.`);
    if (old.dtype.base_dtype !== tensor.dtype.base_dtype) {
      throw new InvalidArgumentError(
        `Input ${index} of node ${this.name} was passed ${tensor.dtype.base_dtype.cName} from ${tensor.name} incompatible with expected ${old.dtype.base_dtype.cName}.`,
      );
    }
    this.inputs[index] = tensor;
  }

  /** The op's control-flow context (TF's `_get_control_flow_context`). */
  _get_control_flow_context(): FlowContext | null {
    return this._ctxt;
  }

  /** Moves the op into a control-flow context (TF's `_set_control_flow_context`). */
  _set_control_flow_context(ctxt: FlowContext | null): void {
    this._ctxt = ctxt;
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
  const keys = Object.keys(op.attrs)
    .filter((k) => !k.startsWith("_"))
    .sort();
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
  // List attrs (Conv2D's strides, MaxPool's ksize): one entry per item, `list {\n    }` when empty.
  if (Array.isArray(v) && v.every((x) => typeof x === "number" || typeof x === "string" || typeof x === "boolean" || x instanceof DType)) {
    const items = v.map((x) => `      ${attrValueText(x)}`);
    return `list {\n${items.map((l) => `${l}\n`).join("")}    }`;
  }
  return null;
}

/** `eval(feed_dict, session)` also accepts `eval({feed_dict, session})`. */
/** `eval(feed_dict, session)` or `eval({feed_dict, session})`: the two ways a program passes them. */
export function evalArgs(feedDict: unknown, session: unknown): [unknown, Session | null] {
  if (feedDict !== null && typeof feedDict === "object" && Object.getPrototypeOf(feedDict) === Object.prototype) {
    const keys = Object.keys(feedDict);
    if (keys.length > 0 && keys.every((k) => k === "feed_dict" || k === "session")) {
      const kw = feedDict as { feed_dict?: unknown; session?: Session };
      return [kw.feed_dict ?? null, kw.session ?? (session as Session | null)];
    }
  }
  return [feedDict, session as Session | null];
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
