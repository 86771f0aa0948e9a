/**
 * Graphs, operations and tensors, with TF 1.x's naming, scoping and text forms.
 */
import { EngineContext } from "./context.js";
import { PyTypeError, ValueError } from "./errors.js";
import type { AnyOpDef } from "./op.js";
import { TensorShape } from "./shape.js";
import { Operation, Tensor, type Attrs } from "./graph_elements.js";

export { Operation, Tensor, graphElementOf, indexable, type Attrs } from "./graph_elements.js";
import { nodeRecordOf } from "./node_record.js";
import { DeviceScopes, type DeviceFunction } from "./graph_devices.js";
import { checkInputContext, type FlowContext } from "./flow_context.js";
import { ControlDependencyStack, type ControlDepsState } from "./graph_control_deps.js";
import { graphElement } from "./graph_lookup.js";
import { VALID_OP_NAME, checkNewOp, inferOutputs } from "./graph_new_op.js";

const VALID_SCOPE_NAME = /^[A-Za-z0-9_.\-/>]*$/;

/** TF's `name_from_scope_name`: a scope name `a/b/` names the op `a/b`. */
export function nameFromScopeName(name: string): string {
  return name.endsWith("/") ? name.slice(0, -1) : name;
}

/** A graph's scope state, saved and restored around Python's `with` blocks. */
export interface GraphScopeState {
  readonly nameStack: string;
  readonly controlDeps: ControlDepsState;
  readonly devices: ReturnType<DeviceScopes["save"]>;
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
  private readonly controlDeps = new ControlDependencyStack();
  private readonly collections = new Map<string, unknown[]>();
  private _finalized = false;
  /** Graph-level random seed (`tf.set_random_seed`). */
  seed: number | null = null;
  /** Per-graph state owned by other modules (variable scopes, gradient bookkeeping). */
  readonly _extensions = new Map<string, unknown>();
  /** The control-flow context new ops are created in (TF's `_control_flow_context`). */
  private flowContext: FlowContext | null = null;
  private readonly unfetchable = new Set<Operation>();
  private readonly unfeedable = new Set<Tensor>();
  /** While > 0, node records wait (see deferNodes); the ops created meanwhile. */
  private deferDepth = 0;
  private deferred: Operation[] = [];
  /**
   * Set while a function is traced into this graph (api/data/trace.ts): an input from another
   * graph is captured (TF's FuncGraph.capture) instead of refused.
   */
  _capture: ((t: Tensor) => Tensor) | null = null;

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

  /** @internal the ops in creation order, not copied (a session places the new ones). */
  get _opList(): readonly Operation[] {
    return this._ops;
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
    return graphElement(this, this.byName, obj, allowTensor, allowOperation);
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
    return this.controlDeps.within(ops, fn);
  }

  /**
   * The graph's scope state (name scope, control-dependency frames), so that a `with` block
   * entered and exited as two calls (Python's `__enter__` / `__exit__`, api/python_blocks.ts)
   * can put it back.
   */
  _saveScopeState(): GraphScopeState {
    return { nameStack: this.nameStack, controlDeps: this.controlDeps.save(), devices: this.devices.save() };
  }

  /** Puts back a state `_saveScopeState` returned. */
  _restoreScopeState(s: GraphScopeState): void {
    this.nameStack = s.nameStack;
    this.controlDeps.restore(s.controlDeps);
    this.devices.restore(s.devices);
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

  /** The control-flow context new ops are created in (TF's `_get_control_flow_context`). */
  _get_control_flow_context(): FlowContext | null {
    return this.flowContext;
  }

  /** Sets the control-flow context new ops are created in (TF's `_set_control_flow_context`). */
  _set_control_flow_context(ctxt: FlowContext | null): void {
    this.flowContext = ctxt;
  }

  /** Marks an op as not fetchable (TF does so for the ops inside a cond branch or a loop). */
  prevent_fetching(op: Operation): void {
    this.unfetchable.add(op);
  }

  /** Whether `sess.run` may fetch the op or its outputs. */
  is_fetchable(el: Tensor | Operation): boolean {
    return !this.unfetchable.has(el instanceof Tensor ? el.op : el);
  }

  /** Marks a tensor as not feedable (TF does so for a while loop's Enters and body values). */
  prevent_feeding(t: Tensor): void {
    this.unfeedable.add(t);
  }

  /** Whether `feed_dict` may replace the tensor's value. */
  is_feedable(t: Tensor): boolean {
    return !this.unfeedable.has(t);
  }

  /**
   * The control inputs an op reading `inputOps` would get from the enclosing
   * `control_dependencies` blocks (TF's `_control_dependencies_for_inputs`).
   */
  _control_dependencies_for_inputs(inputOps: readonly Operation[]): Operation[] {
    return this.controlDeps.inputsFor(new Set(inputOps));
  }

  /** Records an op as created inside the open `control_dependencies` blocks (TF's `_record_op_seen_by_control_dependencies`). */
  _record_op_seen_by_control_dependencies(op: Operation): void {
    this.controlDeps.recordSeen(op);
  }

  /**
   * Runs `fn` with node records held back until it returns: a construct that rewires the ops
   * it just made (a while loop closes its back edge with `_update_input`, contexts add control
   * inputs) reports each of them once, complete, in creation order, when it is done.
   */
  _deferNodes<T>(fn: () => T): T {
    this.deferDepth++;
    try {
      return fn();
    } finally {
      if (--this.deferDepth === 0) {
        const ops = this.deferred;
        this.deferred = [];
        for (const op of ops) this.emitNode(op);
      }
    }
  }

  /** Creates an op of a registered type. Used by the op-building API, not by learners. */
  _createOp(def: AnyOpDef, inputs: Tensor[], attrs: Attrs, name: string, extraControl: Operation[] = []): Operation {
    inputs = checkNewOp(this, name, this.byName.has(name), inputs);
    const [outDtypes, outShapes] = inferOutputs(def, inputs, attrs, name);
    const inputOps = new Set(inputs.map((t) => t.op));
    const control = this.controlDeps.inputsFor(inputOps);
    for (const c of extraControl) if (!control.includes(c)) control.push(c);
    const op = new Operation(this, def, name, inputs, control, attrs, this.ctx.line());
    if (this.devices.active) op._device = this.devices.deviceFor(op);
    const refOut = def.effects.includes("variable") || (def.forwardsRef === true && inputs[0]?.dtype.is_ref === true);
    outDtypes.forEach((dt, i) => op.outputs.push(new Tensor(op, i, refOut ? dt._as_ref : dt, outShapes[i] ?? TensorShape.unknown())));
    // TF's _control_flow_post_processing: the op joins the current context, which checks and
    // may rewire its inputs (and creates Switches or Enters for that, recursively).
    op._ctxt = this.flowContext;
    for (const t of inputs) checkInputContext(op, t.op);
    this._ops.push(op);
    this.byName.set(name, op);
    this.controlDeps.recordSeen(op);
    // Its record waits for the context's rewiring (and is queued before the ops that makes).
    this.deferred.push(op);
    const ctxt = op._ctxt;
    this._deferNodes(() => ctxt?.addOp(op));
    return op;
  }

  /** The `tf.device` blocks around new ops (graph_devices.ts). */
  private readonly devices = new DeviceScopes();

  /**
   * Ops created in `fn` are placed on `device` (TF's `Graph.device`): a device string merged
   * with the enclosing blocks' (the inner one's fields win), a function of the op returning
   * one, or null to clear the enclosing blocks.
   * @example
   * tf.get_default_graph().device("/gpu:0", () => tf.matmul(a, b));
   */
  device<T>(device: DeviceFunction | string | null, fn: () => T): T {
    return this.devices.within(device, fn);
  }

  private emitNode(op: Operation): void {
    const onNode = this.ctx.hooks.onNode;
    if (onNode) onNode(nodeRecordOf(op, this.id));
  }


  toString(): string {
    return `<tensorflow.python.framework.ops.Graph object>`;
  }

  __repr__(): string {
    return this.toString();
  }
}

