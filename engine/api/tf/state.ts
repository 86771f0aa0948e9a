/**
 * Variables and their initialization: `tf.Variable`, `tf.get_variable`, `tf.variable_scope`,
 * `tf.assign*`, `tf.global_variables_initializer`.
 */
import { DTypeLike, asDType } from "../../dtypes.js";
import type { EngineContext } from "../../context.js";
import { Operation, Tensor } from "../../graph.js";
import { PyTypeError, ValueError } from "../../errors.js";
import type { ShapeLike } from "../../shape.js";
import { Variable as VariableClass, GraphKeys as GraphKeysValues, variablesIn } from "../../variables.js";
import { AUTO_REUSE as AUTO_REUSE_VALUE, Reuse, VariableScope, currentScope, getVariable, withVariableScope } from "../../variable_scope.js";
import { defaultInitializer, type Initializer, type InitializerArg } from "../initializer.js";
import { applyOp } from "../apply.js";
import { bind, perContext, pyclass, pyfunc } from "../pyargs.js";
import { splitBody } from "../blocks.js";
import { groupOps, type Name } from "../build.js";

/** Keyword arguments of `tf.variable_scope`. */
export interface VariableScopeKw {
  name_or_scope?: string | VariableScope | null;
  default_name?: string | null;
  values?: unknown[] | null;
  initializer?: InitializerArg | null;
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

/** `tf.variable_scope(name_or_scope, [default_name,] [kwargs,] body)`: a `with` block as a callback. */
export interface VariableScopeFn {
  <T>(name_or_scope: string | VariableScope | null, body: (scope: VariableScope) => T): T;
  <T>(name_or_scope: string | VariableScope | null, kwargs: VariableScopeKw, body: (scope: VariableScope) => T): T;
  <T>(name_or_scope: string | VariableScope | null, default_name: string | null, body: (scope: VariableScope) => T): T;
  <T>(name_or_scope: string | VariableScope | null, default_name: string | null, kwargs: VariableScopeKw, body: (scope: VariableScope) => T): T;
}

/** `variables_initializer`: a NoOp grouping each variable's initializer (a bare NoOp if none). */
function initializerFor(ctx: EngineContext, vars: VariableClass[], name: string): Operation {
  const ops = vars.map((v) => v.initializer);
  if (ops.length === 0) return applyOp(ctx, "NoOp", [], {}, name);
  return groupOps(ctx, ops, name);
}

/**
 * A variable with an initial value; its value lives in each session.
 * @example
 * const W = tf.Variable([.3], {dtype: tf.float32});
 * const b = tf.Variable(tf.zeros([10]), {name: "b"});
 */
export const Variable = pyclass(
  "Variable",
  [
    "initial_value",
    "trainable",
    "collections",
    "validate_shape",
    "caching_device",
    "name",
    "variable_def",
    "dtype",
    "expected_shape",
    "import_scope",
    "constraint",
    "use_resource",
    "synchronization",
    "aggregation",
  ],
  (
    ctx: EngineContext,
    initial_value: unknown = null,
    trainable: boolean = true,
    collections: string[] | null = null,
    validate_shape: boolean = true,
    caching_device: unknown = null,
    name: Name = null,
    variable_def: unknown = null,
    dtype: DTypeLike | null = null,
    expected_shape: unknown = null,
    import_scope: unknown = null,
    constraint: unknown = null,
    use_resource: boolean | null = null,
    synchronization: unknown = null,
    aggregation: unknown = null,
  ): VariableClass => {
    void [caching_device, variable_def, expected_shape, import_scope, constraint, use_resource, synchronization, aggregation];
    if (initial_value === null || initial_value === undefined) throw new ValueError("initial_value must be specified.");
    return new VariableClass(ctx, initial_value, {
      trainable: trainable ?? true,
      collections,
      validateShape: validate_shape,
      name,
      dtype: dtype ? asDType(dtype) : null,
    });
  },
  VariableClass.prototype,
);

/**
 * Gets an existing variable or creates a new one named by the current variable scope.
 * @example
 * const count = tf.get_variable("count", []);
 * const m = tf.get_variable("m", [], {initializer: tf.constant_initializer(0.)});
 */
export const get_variable = pyfunc(
  "get_variable",
  [
    "name",
    "shape",
    "dtype",
    "initializer",
    "regularizer",
    "trainable",
    "collections",
    "caching_device",
    "partitioner",
    "validate_shape",
    "use_resource",
    "custom_getter",
    "constraint",
    "synchronization",
    "aggregation",
  ],
  (
    ctx: EngineContext,
    name: string,
    shape: ShapeLike = null,
    dtype: DTypeLike | null = null,
    initializer: Initializer | Tensor | unknown = null,
    regularizer: ((v: VariableClass) => unknown) | null = null,
    trainable: boolean | null = null,
    collections: string[] | null = null,
    caching_device: unknown = null,
    partitioner: unknown = null,
    validate_shape: boolean = true,
    use_resource: unknown = null,
    custom_getter: unknown = null,
    constraint: unknown = null,
    synchronization: unknown = null,
    aggregation: unknown = null,
  ): VariableClass => {
    if (typeof name !== "string") throw new PyTypeError(`get_variable() name must be a string, got ${String(name)}`);
    return getVariable(
      ctx,
      name,
      {
        shape,
        dtype: dtype ? asDType(dtype) : null,
        initializer,
        regularizer,
        trainable,
        collections,
        validate_shape,
      },
      { defaultFor: (n, dt) => defaultInitializer(ctx, n, dt) },
    );
  },
);

/**
 * Opens a variable scope (and a name scope) for the callback; `reuse: true` or
 * `tf.AUTO_REUSE` makes `get_variable` return existing variables.
 * @example
 * tf.variable_scope("layer1", () => tf.get_variable("W", [3, 4]));
 * tf.variable_scope("layer1", {reuse: true}, () => tf.get_variable("W"));
 */
export const variable_scope = perContext((ctx: EngineContext): VariableScopeFn => <T>(...args: unknown[]): T => {
  const [rest, body] = splitBody<(scope: VariableScope) => T>(args);
  if (!body) throw new PyTypeError("variable_scope needs a callback (the body of Python's `with` block) as its last argument");
  const a = bind("variable_scope", VARIABLE_SCOPE_PARAMS, rest);
  const [nameOrScope, defaultName, , initializer, regularizer, , , , reuse, dtype, , , aux] = a as [
    string | VariableScope | null,
    string | null,
    unknown,
    InitializerArg | null,
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
});

/**
 * The current variable scope.
 * @example
 * print(tf.get_variable_scope().name);
 */
export const get_variable_scope = pyfunc("get_variable_scope", [], (ctx: EngineContext): VariableScope => currentScope(ctx));

/** Reuse mode: create a variable if it does not exist, else return it. */
export const AUTO_REUSE = AUTO_REUSE_VALUE;

/**
 * An op that writes `value` into `ref` when it runs (a side effect), outputting the value.
 * @example
 * const assign_node = tf.assign(count, 0.);
 * sess.run(assign_node);
 */
export const assign = pyfunc(
  "assign",
  ["ref", "value", "validate_shape", "use_locking", "name"],
  (ctx: EngineContext, ref: unknown, value: unknown, validate_shape: boolean | null = null, use_locking: boolean | null = null, name: Name = null): Tensor =>
    applyOp(ctx, "Assign", [ref, value], { validate_shape: validate_shape ?? true, use_locking: use_locking ?? true }, name).outputs[0],
);

/**
 * An op that adds `value` to `ref` when it runs.
 * @example
 * const inc = tf.assign_add(count, 1.);
 */
export const assign_add = pyfunc(
  "assign_add",
  ["ref", "value", "use_locking", "name"],
  (ctx: EngineContext, ref: unknown, value: unknown, use_locking: boolean | null = null, name: Name = null): Tensor =>
    applyOp(ctx, "AssignAdd", [ref, value], { use_locking: use_locking ?? false }, name).outputs[0],
);

/**
 * An op that subtracts `value` from `ref` when it runs.
 * @example
 * const dec = tf.assign_sub(count, 1.);
 */
export const assign_sub = pyfunc(
  "assign_sub",
  ["ref", "value", "use_locking", "name"],
  (ctx: EngineContext, ref: unknown, value: unknown, use_locking: boolean | null = null, name: Name = null): Tensor =>
    applyOp(ctx, "AssignSub", [ref, value], { use_locking: use_locking ?? false }, name).outputs[0],
);

/**
 * One op that initializes every variable that exists *now* (a NoOp named `init`).
 * @example
 * const init = tf.global_variables_initializer();
 * sess.run(init);
 */
export const global_variables_initializer = pyfunc("global_variables_initializer", [], (ctx: EngineContext): Operation =>
  initializerFor(ctx, variablesIn(ctx.defaultGraph(), GraphKeys.GLOBAL_VARIABLES), "init"),
);

/**
 * One op that initializes the given variables.
 * @example
 * sess.run(tf.variables_initializer([m, b]));
 */
export const variables_initializer = pyfunc(
  "variables_initializer",
  ["var_list", "name"],
  (ctx: EngineContext, var_list: VariableClass[], name: string = "init"): Operation => initializerFor(ctx, var_list, name),
);

/**
 * Deprecated TF 1.x name of `global_variables_initializer`.
 * @example
 * sess.run(tf.initialize_all_variables());
 */
export const initialize_all_variables = pyfunc("initialize_all_variables", [], (ctx: EngineContext): Operation =>
  initializerFor(ctx, variablesIn(ctx.defaultGraph(), GraphKeys.GLOBAL_VARIABLES), "init"),
);

/**
 * One op that initializes every local variable that exists *now* (the metrics' counters, made
 * by `tf.metrics.accuracy` and friends): a NoOp named `init` (`init_1` after a global one).
 * @example
 * const [acc, acc_op] = tf.metrics.accuracy(labels, predictions);
 * sess.run([tf.global_variables_initializer(), tf.local_variables_initializer()]);
 */
export const local_variables_initializer = pyfunc("local_variables_initializer", [], (ctx: EngineContext): Operation =>
  initializerFor(ctx, variablesIn(ctx.defaultGraph(), GraphKeys.LOCAL_VARIABLES), "init"),
);

/**
 * Deprecated TF 1.x name of `local_variables_initializer`.
 * @example
 * sess.run(tf.initialize_local_variables());
 */
export const initialize_local_variables = pyfunc("initialize_local_variables", [], (ctx: EngineContext): Operation =>
  initializerFor(ctx, variablesIn(ctx.defaultGraph(), GraphKeys.LOCAL_VARIABLES), "init"),
);

/**
 * Every global variable of the default graph.
 * @example
 * print(tf.global_variables().map((v) => v.name));
 */
export const global_variables = pyfunc("global_variables", ["scope"], (ctx: EngineContext, scope: string | null = null): VariableClass[] =>
  ctx
    .defaultGraph()
    .get_collection(GraphKeys.GLOBAL_VARIABLES, scope)
    .filter((v): v is VariableClass => v instanceof VariableClass),
);

/**
 * The variables optimizers update by default.
 * @example
 * print(tf.trainable_variables().length);
 */
export const trainable_variables = pyfunc("trainable_variables", ["scope"], (ctx: EngineContext, scope: string | null = null): VariableClass[] =>
  ctx
    .defaultGraph()
    .get_collection(GraphKeys.TRAINABLE_VARIABLES, scope)
    .filter((v): v is VariableClass => v instanceof VariableClass),
);

/**
 * Local variables (none unless created with collections=[LOCAL_VARIABLES]).
 * @example
 * print(tf.local_variables().length); // 0
 */
export const local_variables = pyfunc("local_variables", ["scope"], (ctx: EngineContext, scope: string | null = null): VariableClass[] =>
  ctx
    .defaultGraph()
    .get_collection(GraphKeys.LOCAL_VARIABLES, scope)
    .filter((v): v is VariableClass => v instanceof VariableClass),
);

/**
 * A bool tensor: whether `variable` holds a value in the session that runs it.
 * @example
 * sess.run(tf.is_variable_initialized(v)); // false before init
 */
export const is_variable_initialized = pyfunc(
  "is_variable_initialized",
  ["variable"],
  (ctx: EngineContext, variable: VariableClass): Tensor => applyOp(ctx, "IsVariableInitialized", [variable], {}, null).outputs[0],
);

/** Collection names (`tf.GraphKeys.TRAINABLE_VARIABLES`, ...). */
export const GraphKeys = GraphKeysValues;
