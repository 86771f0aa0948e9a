/**
 * Variables and their initialization: `tf.Variable`, `tf.get_variable`, `tf.variable_scope`,
 * `tf.assign*`, `tf.global_variables_initializer`.
 */
import { DType, DTypeLike, asDType } from "../dtypes.js";
import { EngineContext } from "../context.js";
import { Operation, Tensor } from "../graph.js";
import { PyTypeError } from "../errors.js";
import { ShapeLike } from "../shape.js";
import { Variable, GraphKeys, variablesIn } from "../variables.js";
import { AUTO_REUSE, Reuse, VariableScope, currentScope, getVariable, withVariableScope } from "../variable_scope.js";
import { Initializer, defaultInitializer } from "./initializers.js";
import { applyOp } from "./apply.js";
import { PyArgs, bind, pyfunc } from "./pyargs.js";
import { splitBody, callable } from "./blocks.js";

type Name = string | null;

/** Keyword arguments of `tf.get_variable`. */
export interface GetVariableKw {
  shape?: ShapeLike;
  dtype?: DTypeLike | null;
  initializer?: Initializer | Tensor | unknown;
  regularizer?: ((v: Variable) => unknown) | null;
  trainable?: boolean | null;
  collections?: string[] | null;
  caching_device?: unknown;
  partitioner?: unknown;
  validate_shape?: boolean;
  use_resource?: boolean | null;
  custom_getter?: unknown;
  constraint?: unknown;
}

/** Keyword arguments of `tf.Variable`. */
export interface VariableKw {
  initial_value?: unknown;
  trainable?: boolean;
  collections?: string[] | null;
  validate_shape?: boolean;
  caching_device?: unknown;
  name?: Name;
  dtype?: DTypeLike | null;
  expected_shape?: unknown;
  constraint?: unknown;
  use_resource?: boolean | null;
}

/** Keyword arguments of `tf.variable_scope`. */
export interface VariableScopeKw {
  name_or_scope?: string | VariableScope | null;
  default_name?: string | null;
  values?: unknown[] | null;
  initializer?: Initializer | null;
  regularizer?: ((v: unknown) => unknown) | null;
  caching_device?: unknown;
  partitioner?: unknown;
  custom_getter?: unknown;
  reuse?: Reuse;
  dtype?: DTypeLike | null;
  use_resource?: boolean | null;
  constraint?: unknown;
  auxiliary_name_scope?: boolean;
}

const VARIABLE_PARAMS = [
  ["initial_value", null],
  ["trainable", true],
  ["collections", null],
  ["validate_shape", true],
  ["caching_device", null],
  ["name", null],
  ["variable_def", null],
  ["dtype", null],
  ["expected_shape", null],
  ["import_scope", null],
  ["constraint", null],
  ["use_resource", null],
  ["synchronization", null],
  ["aggregation", null],
] as const;

const VARIABLE_SCOPE_PARAMS = [
  "name_or_scope",
  ["default_name", null],
  ["values", null],
  ["initializer", null],
  ["regularizer", null],
  ["caching_device", null],
  ["partitioner", null],
  ["custom_getter", null],
  ["reuse", null],
  ["dtype", null],
  ["use_resource", null],
  ["constraint", null],
  ["auxiliary_name_scope", true],
] as const;

/** `tf.variable_scope(name_or_scope, [default_name,] [kwargs,] body)`: a `with` block as a callback. */
export interface VariableScopeFn {
  <T>(name_or_scope: string | VariableScope | null, body: (scope: VariableScope) => T): T;
  <T>(name_or_scope: string | VariableScope | null, kwargs: VariableScopeKw, body: (scope: VariableScope) => T): T;
  <T>(name_or_scope: string | VariableScope | null, default_name: string | null, body: (scope: VariableScope) => T): T;
  <T>(name_or_scope: string | VariableScope | null, default_name: string | null, kwargs: VariableScopeKw, body: (scope: VariableScope) => T): T;
}

/** Variable builders bound to a context. */
export function stateApi(ctx: EngineContext) {
  const g = () => ctx.defaultGraph();
  const makeVariable = (...args: unknown[]): Variable => {
    const a = bind("Variable", VARIABLE_PARAMS, args);
    const [initialValue, trainable, collections, validateShape, , name, , dtype] = a as [unknown, boolean, string[] | null, boolean, unknown, Name, unknown, DTypeLike | null];
    if (initialValue === null || initialValue === undefined) throw new Error("ValueError: initial_value must be specified.");
    return new Variable(ctx, initialValue, {
      trainable: trainable ?? true,
      collections,
      validateShape,
      name,
      dtype: dtype ? asDType(dtype) : null,
    });
  };

  return {
    /**
     * A variable with an initial value; its value lives in each session.
     * @example
     * const W = tf.Variable([.3], {dtype: tf.float32});
     * const b = tf.Variable(tf.zeros([10]), {name: "b"});
     */
    Variable: callable("Variable", makeVariable as (...args: PyArgs<[initial_value: unknown], [trainable: boolean], VariableKw>) => Variable, Variable.prototype),

    /**
     * Gets an existing variable or creates a new one named by the current variable scope.
     * @example
     * const count = tf.get_variable("count", []);
     * const m = tf.get_variable("m", [], {initializer: tf.constant_initializer(0.)});
     */
    get_variable: pyfunc(
      "get_variable",
      [
        "name",
        ["shape", null],
        ["dtype", null],
        ["initializer", null],
        ["regularizer", null],
        ["trainable", null],
        ["collections", null],
        ["caching_device", null],
        ["partitioner", null],
        ["validate_shape", true],
        ["use_resource", null],
        ["custom_getter", null],
        ["constraint", null],
        ["synchronization", null],
        ["aggregation", null],
      ],
      (name: string, shape: ShapeLike | null, dtype: DTypeLike | null, initializer: unknown, regularizer, trainable, collections, _cd, _p, validateShape: boolean): Variable => {
        if (typeof name !== "string") throw new PyTypeError(`get_variable() name must be a string, got ${String(name)}`);
        return getVariable(
          ctx,
          name,
          {
            shape,
            dtype: dtype ? asDType(dtype) : null,
            initializer,
            regularizer: regularizer as ((v: Variable) => unknown) | null,
            trainable: trainable as boolean | null,
            collections: collections as string[] | null,
            validate_shape: validateShape,
          },
          { defaultFor: (n, dt) => defaultInitializer(ctx, n, dt) },
        );
      },
    ) as (...args: PyArgs<[name: string], [shape: ShapeLike, dtype: DTypeLike | null, initializer: unknown], GetVariableKw>) => Variable,

    /**
     * Opens a variable scope (and a name scope) for the callback; `reuse: true` or
     * `tf.AUTO_REUSE` makes `get_variable` return existing variables.
     * @example
     * tf.variable_scope("layer1", () => tf.get_variable("W", [3, 4]));
     * tf.variable_scope("layer1", {reuse: true}, () => tf.get_variable("W"));
     */
    variable_scope: (<T>(...args: unknown[]): T => {
      const [rest, body] = splitBody<(scope: VariableScope) => T>(args);
      if (!body) throw new PyTypeError("variable_scope needs a callback (the body of Python's `with` block) as its last argument");
      const a = bind("variable_scope", VARIABLE_SCOPE_PARAMS, rest);
      const [nameOrScope, defaultName, , initializer, regularizer, , , , reuse, dtype, , , aux] = a as [
        string | VariableScope | null,
        string | null,
        unknown,
        Initializer | null,
        ((v: unknown) => unknown) | null,
        unknown,
        unknown,
        unknown,
        Reuse,
        DTypeLike | null,
        unknown,
        unknown,
        boolean,
      ];
      return withVariableScope(
        ctx,
        nameOrScope,
        { default_name: defaultName, initializer, regularizer, reuse: reuse ?? null, dtype: dtype ? asDType(dtype) : null, auxiliary_name_scope: aux },
        body,
      );
    }) as VariableScopeFn,

    /**
     * The current variable scope.
     * @example
     * print(tf.get_variable_scope().name);
     */
    get_variable_scope: (): VariableScope => currentScope(ctx),

    /** Reuse mode: create a variable if it does not exist, else return it. */
    AUTO_REUSE,

    /**
     * An op that writes `value` into `ref` when it runs (a side effect), outputting the value.
     * @example
     * const assign_node = tf.assign(count, 0.);
     * sess.run(assign_node);
     */
    assign: pyfunc("assign", ["ref", "value", ["validate_shape", null], ["use_locking", null], ["name", null]], (ref: unknown, value: unknown, validate: boolean | null, locking: boolean | null, name: Name): Tensor =>
      applyOp(ctx, "Assign", [ref, value], { validate_shape: validate ?? true, use_locking: locking ?? true }, name).outputs[0],
    ) as (...args: PyArgs<[ref: Variable | Tensor, value: unknown], [validate_shape: boolean | null, use_locking: boolean | null, name: Name], { validate_shape?: boolean | null; use_locking?: boolean | null; name?: Name }>) => Tensor,

    /**
     * An op that adds `value` to `ref` when it runs.
     * @example
     * const inc = tf.assign_add(count, 1.);
     */
    assign_add: pyfunc("assign_add", ["ref", "value", ["use_locking", null], ["name", null]], (ref: unknown, value: unknown, locking: boolean | null, name: Name): Tensor =>
      applyOp(ctx, "AssignAdd", [ref, value], { use_locking: locking ?? false }, name).outputs[0],
    ) as (...args: PyArgs<[ref: Variable | Tensor, value: unknown], [use_locking: boolean | null, name: Name], { use_locking?: boolean | null; name?: Name }>) => Tensor,

    /**
     * An op that subtracts `value` from `ref` when it runs.
     * @example
     * const dec = tf.assign_sub(count, 1.);
     */
    assign_sub: pyfunc("assign_sub", ["ref", "value", ["use_locking", null], ["name", null]], (ref: unknown, value: unknown, locking: boolean | null, name: Name): Tensor =>
      applyOp(ctx, "AssignSub", [ref, value], { use_locking: locking ?? false }, name).outputs[0],
    ) as (...args: PyArgs<[ref: Variable | Tensor, value: unknown], [use_locking: boolean | null, name: Name], { use_locking?: boolean | null; name?: Name }>) => Tensor,

    /**
     * One op that initializes every variable that exists *now* (a NoOp named `init`).
     * @example
     * const init = tf.global_variables_initializer();
     * sess.run(init);
     */
    global_variables_initializer: pyfunc("global_variables_initializer", [], (): Operation => initializerFor(ctx, variablesIn(g(), GraphKeys.GLOBAL_VARIABLES), "init")) as () => Operation,

    /**
     * One op that initializes the given variables.
     * @example
     * sess.run(tf.variables_initializer([m, b]));
     */
    variables_initializer: pyfunc("variables_initializer", ["var_list", ["name", "init"]], (varList: Variable[], name: string): Operation => initializerFor(ctx, varList, name)) as (
      ...args: PyArgs<[var_list: Variable[]], [name: string], { name?: string }>
    ) => Operation,

    /**
     * Deprecated TF 1.x name of `global_variables_initializer`.
     * @example
     * sess.run(tf.initialize_all_variables());
     */
    initialize_all_variables: (): Operation => initializerFor(ctx, variablesIn(g(), GraphKeys.GLOBAL_VARIABLES), "init"),

    /**
     * Every global variable of the default graph.
     * @example
     * print(tf.global_variables().map((v) => v.name));
     */
    global_variables: pyfunc("global_variables", [["scope", null]], (scope: string | null): Variable[] =>
      g().get_collection(GraphKeys.GLOBAL_VARIABLES, scope).filter((v): v is Variable => v instanceof Variable),
    ) as (...args: PyArgs<[], [scope: string | null], { scope?: string | null }>) => Variable[],

    /**
     * The variables optimizers update by default.
     * @example
     * print(tf.trainable_variables().length);
     */
    trainable_variables: pyfunc("trainable_variables", [["scope", null]], (scope: string | null): Variable[] =>
      g().get_collection(GraphKeys.TRAINABLE_VARIABLES, scope).filter((v): v is Variable => v instanceof Variable),
    ) as (...args: PyArgs<[], [scope: string | null], { scope?: string | null }>) => Variable[],

    /**
     * Local variables (none unless created with collections=[LOCAL_VARIABLES]).
     * @example
     * print(tf.local_variables().length); // 0
     */
    local_variables: pyfunc("local_variables", [["scope", null]], (scope: string | null): Variable[] =>
      g().get_collection(GraphKeys.LOCAL_VARIABLES, scope).filter((v): v is Variable => v instanceof Variable),
    ) as (...args: PyArgs<[], [scope: string | null], { scope?: string | null }>) => Variable[],

    /**
     * A bool tensor: whether `variable` holds a value in the session that runs it.
     * @example
     * sess.run(tf.is_variable_initialized(v)); // false before init
     */
    is_variable_initialized: pyfunc("is_variable_initialized", ["variable"], (variable: Variable): Tensor =>
      applyOp(ctx, "IsVariableInitialized", [variable], {}, null).outputs[0],
    ) as (variable: Variable) => Tensor,

    /** Collection names (`tf.GraphKeys.TRAINABLE_VARIABLES`, ...). */
    GraphKeys,
  };
}

/** `variables_initializer`: a NoOp grouping each variable's initializer (a bare NoOp if none). */
function initializerFor(ctx: EngineContext, vars: Variable[], name: string): Operation {
  const ops = vars.map((v) => v.initializer);
  if (ops.length === 0) return applyOp(ctx, "NoOp", [], {}, name);
  return ctx.tf.group(...ops, { name });
}

export type { DType };
