/**
 * TF 1.x's RefVariable: a VariableV2 node (the session memory), an Assign node that
 * initializes it, and a `read` Identity that expressions use.
 */
import { DType } from "./dtypes.js";
import { EngineContext } from "./context.js";
import { Graph, Operation, Tensor, indexable, nameFromScopeName } from "./graph.js";
import { ValueError } from "./errors.js";
import { TensorShape } from "./shape.js";
import { OPS } from "./ops/registry.js";
import { applyOp } from "./api/apply.js";
import { convertToTensor } from "./api/convert_tensor.js";
import type { Session } from "./session/session.js";

export const GraphKeys = {
  GLOBAL_VARIABLES: "variables",
  LOCAL_VARIABLES: "local_variables",
  METRIC_VARIABLES: "metric_variables",
  TRAINABLE_VARIABLES: "trainable_variables",
  MODEL_VARIABLES: "model_variables",
  GLOBAL_STEP: "global_step",
  REGULARIZATION_LOSSES: "regularization_losses",
  LOSSES: "losses",
  TRAIN_OP: "train_op",
  UPDATE_OPS: "update_ops",
  SUMMARIES: "summaries",
} as const;

export interface VariableOptions {
  trainable?: boolean;
  collections?: string[] | null;
  validateShape?: boolean;
  name?: string | null;
  dtype?: DType | null;
}

/**
 * A variable: a value that lives in each session and persists across runs. Reading it in an
 * expression reads `name/read`; `assign` and the optimizers change it as a side effect.
 * @example
 * const v = tf.Variable(1.0, {name: "v"});
 * print(v); // <tf.Variable 'v:0' shape=() dtype=float32_ref>
 */
export class Variable {
  /** Python's `v[i]`: a strided slice of the variable's value (`indexable`). */
  readonly [index: number]: Tensor;
  /** The VariableV2 op's ref output, `v:0`. */
  readonly _variable: Tensor;
  /** The `v/Assign` op that writes the initial value. */
  readonly _initializer_op: Operation;
  /** The `v/read` tensor expressions use. */
  readonly _snapshot: Tensor;
  /** The initial value tensor. */
  readonly _initial_value: Tensor;
  /** Whether optimizers update it by default. */
  readonly trainable: boolean;

  /** @internal use `tf.Variable` or `tf.get_variable`. */
  constructor(
    private readonly ctx: EngineContext,
    initialValue: unknown,
    opts: VariableOptions,
  ) {
    const g = ctx.defaultGraph();
    const validate = opts.validateShape ?? true;
    this.trainable = opts.trainable ?? true;
    const fromFn = typeof initialValue === "function";
    const built = g.name_scope(opts.name || "Variable", (scope) => {
      const name = nameFromScopeName(scope);
      let init: Tensor;
      let variable: Tensor;
      if (fromFn) {
        // get_variable's initializers build their nodes under `name/Initializer/`.
        init = g.name_scope("Initializer", () =>
          convertToTensor(ctx, (initialValue as () => unknown)(), { name: "initial_value", dtype: opts.dtype ?? null }),
        );
        variable = this.makeVariableOp(g, name, init, validate);
      } else {
        init = convertToTensor(ctx, initialValue, { name: "initial_value", dtype: opts.dtype ?? null });
        variable = this.makeVariableOp(g, name, init, validate);
      }
      const assign = applyOp(ctx, "Assign", [variable, init], { validate_shape: validate, use_locking: true }, "Assign");
      const read = applyOp(ctx, "Identity", [variable], {}, "read").outputs[0];
      return { init, variable, assign: assign, read };
    });
    this._initial_value = built.init;
    this._variable = built.variable;
    this._initializer_op = built.assign;
    this._snapshot = built.read;
    const collections = opts.collections ?? [GraphKeys.GLOBAL_VARIABLES];
    const all = this.trainable && !collections.includes(GraphKeys.TRAINABLE_VARIABLES) ? [...collections, GraphKeys.TRAINABLE_VARIABLES] : collections;
    for (const c of all) g.add_to_collection(c, this);
    g._registerKey(this.toString(), this._variable);
  }

  private makeVariableOp(g: Graph, name: string, init: Tensor, validate: boolean): Tensor {
    const shape = validate ? init.shape : TensorShape.unknown();
    if (validate && !shape.is_fully_defined()) {
      throw new ValueError(`initial_value must have a shape specified: ${init}`);
    }
    return g._createOp(OPS.get("VariableV2"), [], { shape, dtype: init.dtype.base_dtype, container: "", shared_name: "" }, name).outputs[0];
  }

  /** `v:0`. */
  get name(): string {
    return this._variable.name;
  }

  /** The VariableV2 op. */
  get op(): Operation {
    return this._variable.op;
  }

  /** `float32_ref` etc. */
  get dtype(): DType {
    return this._variable.dtype;
  }

  get shape(): TensorShape {
    return this._variable.shape;
  }

  get graph(): Graph {
    return this._variable.graph;
  }

  get device(): string {
    return "";
  }

  get_shape(): TensorShape {
    return this.shape;
  }

  /**
   * The op that writes the initial value (run it, or `tf.global_variables_initializer()`).
   * @example
   * sess.run(v.initializer);
   */
  get initializer(): Operation {
    return this._initializer_op;
  }

  /** The initial value tensor. */
  get initial_value(): Tensor {
    return this._initial_value;
  }

  /**
   * Python's `v[spec]`: a strided slice of the variable's value (`v[0]`, `v[-1]` work directly),
   * whose `assign(value)` writes into that slice of the variable (StridedSliceAssign).
   * @example
   * const first = v.__getitem__(0); // same as v[0]
   * sess.run(v.__getitem__([{start: 1, stop: 3}]).assign([7, 8])); // v[1:3].assign([7, 8])
   */
  __getitem__(spec: unknown): Tensor {
    return this.graph.ctx.indexTensor!(this._snapshot, spec, this);
  }

  /**
   * Python's `v[start:stop:step]` on the first axis (omitted bounds: null), assignable like `v[i]`.
   * @example
   * sess.run(v.slice(1, 3).assign([7, 8])); // v[1:3].assign([7, 8])
   */
  slice(start: number | Tensor | null = null, stop: number | Tensor | null = null, step: number | Tensor | null = null): Tensor {
    return this.__getitem__({ start, stop, step });
  }

  /** The `read` tensor: what expressions using the variable read. */
  value(): Tensor {
    return this._snapshot;
  }

  /** A fresh read of the variable (an Identity named `read`). */
  read_value(): Tensor {
    return applyOp(this.ctx, "Identity", [this._variable], {}, "read").outputs[0];
  }

  /**
   * An op that writes `value` into the variable (a side effect when it runs).
   * @example
   * const set = v.assign(5.0);
   * sess.run(set);
   */
  assign(value: unknown, use_locking: unknown = false, name: string | null = null): Tensor {
    return this.update("Assign", value, name, { validate_shape: true, use_locking: !!use_locking });
  }

  /** An op that adds `delta` to the variable. */
  assign_add(delta: unknown, use_locking: unknown = false, name: string | null = null): Tensor {
    return this.update("AssignAdd", delta, name, { use_locking: !!use_locking });
  }

  /** An op that subtracts `delta` from the variable. */
  assign_sub(delta: unknown, use_locking: unknown = false, name: string | null = null): Tensor {
    return this.update("AssignSub", delta, name, { use_locking: !!use_locking });
  }

  private update(type: string, value: unknown, name: string | null | Record<string, unknown>, attrs: Record<string, unknown>): Tensor {
    // Keyword form: v.assign(x, {name: "set"}).
    if (name !== null && typeof name === "object") name = (name.name as string | null) ?? null;
    return applyOp(this.ctx, type, [this, value], attrs, name).outputs[0];
  }

  /**
   * The variable's value in `session` (default: the default session).
   * @example
   * sess.as_default(() => print(v.eval()));
   */
  eval(session: Session | null = null): unknown {
    return this._variable.graph.ctx.evalIn(this._variable, null, session, "evaluate tensor");
  }

  /** Writes `value` into the variable in `session` (runs its initializer with a fed value). */
  load(value: unknown, session: Session | null = null): void {
    const sess = session ?? this.ctx.defaultSession();
    if (!sess) throw new ValueError("Either session argument should be provided or default session should be established");
    sess.run(this._initializer_op, new Map([[this._initial_value, value]]));
  }

  /** TF's `_as_graph_element`: fetching or feeding a variable uses its ref tensor. */
  get __graphElement__(): Tensor {
    return this._variable;
  }

  /** For expressions: the `read` tensor, or the ref tensor when an op writes it. */
  _as_tensor(asRef: boolean): Tensor {
    return asRef ? this._variable : this._snapshot;
  }

  /** `<tf.Variable 'v:0' shape=() dtype=float32_ref>` (TF 1.x's str and repr). */
  toString(): string {
    return `<tf.Variable '${this.name}' shape=${this.shape} dtype=${this.dtype.displayName}>`;
  }

  __repr__(): string {
    return this.toString();
  }

  __str__(): string {
    return this.toString();
  }
}

// `v[0]` slices the variable's value (TF's _SliceHelperVar reads `v.value()`, `v/read`).
indexable(Variable.prototype, (v) => (v as Variable).value(), "Variable", true);

/** Every variable of `graph` in a collection. */
export function variablesIn(graph: Graph, key: string): Variable[] {
  return graph.get_collection(key).filter((v): v is Variable => v instanceof Variable);
}

