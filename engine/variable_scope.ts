/**
 * `tf.get_variable` and `tf.variable_scope`: variables named by scope, shared only on request.
 * Follows TF 1.14's variable_scope.py: one variable store per graph, reuse inherited by inner
 * scopes, variable names independent of name scopes.
 */
import { DType, float32 } from "./dtypes.js";
import { EngineContext } from "./context.js";
import { Graph } from "./graph.js";
import { ValueError } from "./errors.js";
import { asShape } from "./shape.js";
import { Variable, GraphKeys } from "./variables.js";
import { isInitializerClass, type Initializer, type InitializerArg } from "./api/initializer.js";

/** `tf.AUTO_REUSE`: create the variable if missing, else return it. */
export const AUTO_REUSE = Object.freeze({
  __repr__: () => "<_ReuseMode.AUTO_REUSE: 1>",
  toString: () => "_ReuseMode.AUTO_REUSE",
});

export type Reuse = boolean | typeof AUTO_REUSE | null;

/**
 * A variable scope (what `tf.variable_scope(...)` passes to its callback).
 * @example
 * tf.variable_scope("layer", (scope) => { print(scope.name); }); // layer
 */
export class VariableScope {
  constructor(
    /** Full name, e.g. `outer/inner`. */
    readonly name: string,
    public reuse: Reuse,
    /** The name scope opened when the scope was first entered (re-entered as is). */
    readonly original_name_scope: string,
    public initializer: InitializerArg | null = null,
    public dtype: DType = float32,
    public regularizer: ((v: unknown) => unknown) | null = null,
  ) {}

  /** Makes `get_variable` in this scope reuse existing variables. */
  reuse_variables(): void {
    this.reuse = true;
  }

  set_initializer(init: InitializerArg | null): void {
    this.initializer = init;
  }

  __repr__(): string {
    return `<tensorflow.python.ops.variable_scope.VariableScope object>`;
  }
}

interface Store {
  vars: Map<string, Variable>;
  scopes: VariableScope[];
  /** Use counts of scope names, for `default_name` uniquifying. */
  scopeCounts: Map<string, number>;
}

function storeOf(g: Graph): Store {
  let s = g._extensions.get("variable_store") as Store | undefined;
  if (!s) {
    s = { vars: new Map(), scopes: [new VariableScope("", false, "")], scopeCounts: new Map() };
    g._extensions.set("variable_store", s);
  }
  return s;
}

/** The current variable scope of the default graph. */
export function currentScope(ctx: EngineContext): VariableScope {
  const st = storeOf(ctx.defaultGraph());
  return st.scopes[st.scopes.length - 1];
}

export interface GetVariableOptions {
  shape: unknown;
  dtype: DType | null;
  initializer: unknown;
  regularizer: ((v: Variable) => unknown) | null;
  trainable: boolean | null;
  collections: string[] | null;
  validate_shape: boolean;
}

/** `tf.get_variable(name, ...)` as TF 1.14's `_VariableStore._get_single_variable`. */
export function getVariable(ctx: EngineContext, name: string, o: GetVariableOptions, makeInit: DefaultInitializers): Variable {
  const g = ctx.defaultGraph();
  const st = storeOf(g);
  const scope = st.scopes[st.scopes.length - 1];
  const fullName = scope.name ? `${scope.name}/${name}` : name;
  const reuse = scope.reuse;
  const shape = asShape(o.shape);
  const dtype = (o.dtype ?? scope.dtype).base_dtype;
  const found = st.vars.get(fullName);
  if (found) {
    if (reuse === false || reuse === null) {
      const line = found.op.line;
      const where = line !== null ? ` Originally defined at:\n\n  line ${line}` : "";
      throw new ValueError(`Variable ${fullName} already exists, disallowed. Did you mean to set reuse=True or reuse=tf.AUTO_REUSE in VarScope?${where}`);
    }
    if (!shape.is_compatible_with(found.shape)) {
      throw new ValueError(`Trying to share variable ${fullName}, but specified shape ${shape} and found shape ${found.shape}.`);
    }
    if (o.dtype && o.dtype.base_dtype !== found.dtype.base_dtype) {
      throw new ValueError(`Trying to share variable ${fullName}, but specified dtype ${o.dtype.name} and found dtype ${found.dtype.base_dtype.name}.`);
    }
    return found;
  }
  if (reuse === true) {
    throw new ValueError(
      `Variable ${fullName} does not exist, or was not created with tf.get_variable(). Did you mean to set reuse=tf.AUTO_REUSE in VarScope?`,
    );
  }
  let initializer = o.initializer ?? scope.initializer;
  let initialValue: unknown;
  if (initializer === null || initializer === undefined) {
    initializer = makeInit.defaultFor(fullName, dtype);
  }
  // An initializer class (`tf.zeros_initializer`, un-called) is instantiated, as TF does.
  if (isInitializerClass(initializer)) initializer = initializer();
  if (typeof initializer === "function") {
    if (!shape.is_fully_defined()) {
      throw new ValueError(
        "The initializer passed is not valid. It should be a callable with no arguments and the shape should not be provided or an instance of `tf.keras.initializers.*' and `shape` should be fully defined.",
      );
    }
    const init = initializer as Initializer;
    initialValue = () => init(shape.as_list() as number[], dtype);
  } else {
    // A tensor or value: TF uses it as the initial value and requires that no shape be given.
    if (o.shape !== null && o.shape !== undefined) {
      throw new ValueError("If initializer is a constant, do not specify shape.");
    }
    initialValue = initializer;
  }
  const v = ctx.defaultGraph().name_scope(null, () =>
    new Variable(ctx, initialValue, {
      name: fullName,
      trainable: o.trainable ?? true,
      collections: o.collections,
      validateShape: o.validate_shape,
      dtype: typeof initializer === "function" ? dtype : o.dtype,
    }),
  );
  st.vars.set(fullName, v);
  const reg = o.regularizer ?? scope.regularizer;
  if (reg) {
    const loss = g.name_scope(`${v.op.name}/Regularizer/`, () => reg(v));
    if (loss !== null && loss !== undefined) g.add_to_collection(GraphKeys.REGULARIZATION_LOSSES, loss);
  }
  return v;
}

/** Supplies TF's default initializer for a dtype (glorot_uniform for floats, zeros for ints). */
export interface DefaultInitializers {
  defaultFor(name: string, dtype: DType): Initializer;
}

export interface VariableScopeOptions {
  default_name: string | null;
  initializer: InitializerArg | null;
  regularizer: ((v: unknown) => unknown) | null;
  reuse: Reuse;
  dtype: DType | null;
  auxiliary_name_scope: boolean;
}

/**
 * Runs `fn` inside variable scope `nameOrScope` (a string, a VariableScope to re-enter, or null
 * with `default_name`), which also opens a name scope. Returns `fn`'s result.
 */
export function withVariableScope<T>(ctx: EngineContext, nameOrScope: string | VariableScope | null, o: VariableScopeOptions, fn: (scope: VariableScope) => T): T {
  const g = ctx.defaultGraph();
  const st = storeOf(g);
  const parent = st.scopes[st.scopes.length - 1];
  if (nameOrScope === null && !o.default_name) {
    throw new ValueError("If default_name is None then name_or_scope is required");
  }
  // reuse=False cannot turn off an inherited reuse=True (TF 1.14 behaves the same way).
  const inheritedReuse: Reuse = parent.reuse === true || o.reuse === true ? true : o.reuse === AUTO_REUSE || parent.reuse === AUTO_REUSE ? AUTO_REUSE : false;
  let scopeName: string;
  let nameScope: string | null;
  if (nameOrScope instanceof VariableScope) {
    scopeName = nameOrScope.name;
    nameScope = nameOrScope.original_name_scope || null;
  } else if (typeof nameOrScope === "string") {
    scopeName = parent.name ? `${parent.name}/${nameOrScope}` : nameOrScope;
    nameScope = nameOrScope;
  } else {
    const base = parent.name ? `${parent.name}/${o.default_name}` : o.default_name!;
    const n = st.scopeCounts.get(base) ?? 0;
    scopeName = n === 0 ? base : `${base}_${n}`;
    nameScope = n === 0 ? o.default_name! : `${o.default_name}_${n}`;
  }
  st.scopeCounts.set(scopeName, (st.scopeCounts.get(scopeName) ?? 0) + 1);
  const enter = (ns: string) => {
    const scope = new VariableScope(
      scopeName,
      nameOrScope instanceof VariableScope && o.reuse === null ? (nameOrScope.reuse === true ? true : inheritedReuse) : inheritedReuse,
      nameOrScope instanceof VariableScope ? nameOrScope.original_name_scope : ns,
      o.initializer ?? (nameOrScope instanceof VariableScope ? nameOrScope.initializer : parent.initializer),
      o.dtype ?? (nameOrScope instanceof VariableScope ? nameOrScope.dtype : parent.dtype),
      o.regularizer ?? (nameOrScope instanceof VariableScope ? nameOrScope.regularizer : parent.regularizer),
    );
    st.scopes.push(scope);
    try {
      return fn(scope);
    } finally {
      st.scopes.pop();
    }
  };
  if (!o.auxiliary_name_scope) return enter(g._name_stack ? `${g._name_stack}/` : "");
  return g.name_scope(nameScope, (ns) => enter(ns));
}

/** All variables `get_variable` created in the default graph (for tests and the UI). */
export function storedVariables(ctx: EngineContext): Map<string, Variable> {
  return storeOf(ctx.defaultGraph()).vars;
}


/** The variable-scope stack of `g`, saved for Python's `with` blocks (api/python_blocks.ts). */
export function saveVariableScopes(g: Graph): readonly VariableScope[] {
  return storeOf(g).scopes.slice();
}

/** Puts back a stack `saveVariableScopes` returned. */
export function restoreVariableScopes(g: Graph, scopes: readonly VariableScope[]): void {
  const st = storeOf(g);
  st.scopes.length = 0;
  st.scopes.push(...scopes);
}
