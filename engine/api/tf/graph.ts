/**
 * Graphs, sessions and scopes: `tf.Graph`, `tf.Session`, `tf.get_default_graph`,
 * `tf.name_scope`, `tf.control_dependencies`, `tf.set_random_seed`.
 */
import type { EngineContext } from "../../context.js";
import { Graph as GraphClass, Operation as OperationClass, Tensor as TensorClass } from "../../graph.js";
import { PyTypeError, ValueError } from "../../errors.js";
import { Session as SessionClass } from "../../session/session.js";
import { ConfigProto as ConfigProtoClass } from "../../session/placement.js";
import { pyClassName } from "../../format/pytypes.js";
import { bind, perContext, pyclass, pyfunc, type PyArgs } from "../pyargs.js";
import { callable, splitBody } from "../blocks.js";

/** Keyword arguments of `tf.Session`. */
export interface SessionKw {
  target?: string;
  graph?: GraphClass | null;
  config?: unknown;
}

/** TF's check of a session's `config`. */
function configOf(config: unknown): ConfigProtoClass | null {
  if (config === null || config === undefined) return null;
  if (!(config instanceof ConfigProtoClass)) throw new PyTypeError(`config must be a tf.ConfigProto, but got <class '${pyClassName(config)}'>`);
  return config;
}

const CONFIG_FIELDS = [
  "device_count",
  "intra_op_parallelism_threads",
  "inter_op_parallelism_threads",
  "use_per_session_threads",
  "session_inter_op_thread_pool",
  "placement_period",
  "device_filters",
  "gpu_options",
  "allow_soft_placement",
  "log_device_placement",
  "graph_options",
  "operation_timeout_in_ms",
  "rpc_options",
  "cluster_def",
  "isolate_session_state",
  "experimental",
] as const;

/** Keyword arguments of `tf.ConfigProto`. */
export type ConfigProtoKw = { [K in (typeof CONFIG_FIELDS)[number]]?: unknown };

/**
 * A session's options, for `tf.Session({config})`: `log_device_placement` prints where each op
 * runs, `allow_soft_placement` lets the placer move an op whose pinned device cannot run it.
 * @example
 * const sess = tf.Session({config: tf.ConfigProto({log_device_placement: true, allow_soft_placement: true})});
 */
export const ConfigProto = perContext(() => (kwargs: ConfigProtoKw = {}): ConfigProtoClass => {
  const c = new ConfigProtoClass();
  for (const [k, v] of Object.entries(kwargs ?? {})) {
    if (!(CONFIG_FIELDS as readonly string[]).includes(k)) throw new ValueError(`Protocol message ConfigProto has no "${k}" field.`);
    if (k === "log_device_placement") c.log_device_placement = Boolean(v);
    else if (k === "allow_soft_placement") c.allow_soft_placement = Boolean(v);
    else c.others[k] = v;
  }
  return c;
});

/** Runs a `with tf.Session() as sess:` body: the session is the default inside and closed after. */
function withSession<T>(sess: SessionClass, body: (s: SessionClass) => T): T {
  try {
    return sess.as_default(body);
  } finally {
    sess.close();
  }
}

/** `tf.name_scope(name, [default_name, values,] body)`: Python's `with` block as a callback. */
export interface NameScopeFn {
  <T>(name: string | null, body: (scope: string) => T): T;
  <T>(name: string | null, default_name: string | null, body: (scope: string) => T): T;
  <T>(name: string | null, default_name: string | null, values: unknown[] | null, body: (scope: string) => T): T;
  <T>(name: string | null, kwargs: { default_name?: string | null; values?: unknown[] | null }, body: (scope: string) => T): T;
}

type SessionArgs = PyArgs<[target?: string, graph?: GraphClass | null, config?: unknown], readonly ["target", "graph", "config"]>;

/** `tf.Session`: with a callback last, Python's `with tf.Session() as sess:`. */
export interface SessionCtor {
  <T>(body: (sess: SessionClass) => T): T;
  <T>(kwargs: SessionKw, body: (sess: SessionClass) => T): T;
  (...args: SessionArgs): SessionClass;
  new (...args: SessionArgs): SessionClass;
}

/**
 * A session runs graphs and holds variable values.
 * `tf.Session(sess => ...)` is Python's `with tf.Session() as sess:` (default inside, closed after).
 * @example
 * const sess = tf.Session();
 * print(sess.run(tf.constant(2)));
 */
export const Session = perContext((ctx: EngineContext): SessionCtor => {
  const make = (...args: unknown[]): SessionClass | unknown => {
    const [rest, body] = splitBody<(s: SessionClass) => unknown>(args);
    const [, graph, config] = bind(
      "Session",
      [
        ["target", ""],
        ["graph", null],
        ["config", null],
      ],
      rest,
    ) as [string, GraphClass | null, unknown];
    const sess = new SessionClass(ctx, graph, configOf(config));
    return body ? withSession(sess, body) : sess;
  };
  return callable("Session", make as (...args: unknown[]) => SessionClass, SessionClass.prototype) as unknown as SessionCtor;
});

/**
 * A session that makes itself the default on creation (for `t.eval()` in notebooks).
 * @example
 * const sess = tf.InteractiveSession();
 * print(tf.constant(4).eval());
 */
export const InteractiveSession = pyclass(
  "InteractiveSession",
  ["target", "graph", "config"],
  (ctx: EngineContext, target: string = "", graph: GraphClass | null = null, config: unknown = null): SessionClass => {
    void target;
    const sess = new SessionClass(ctx, graph, configOf(config));
    ctx.sessionStack.push(sess);
    return sess;
  },
  SessionClass.prototype,
);

/**
 * A new, empty graph. Build into it with `g.as_default(() => ...)`.
 * @example
 * const g = tf.Graph();
 * g.as_default(() => tf.constant(1));
 */
export const Graph = pyclass("Graph", [], (ctx: EngineContext): GraphClass => new GraphClass(ctx), GraphClass.prototype);

/**
 * The graph new ops are added to.
 * @example
 * print(tf.get_default_graph().get_operations().length);
 */
export const get_default_graph = pyfunc("get_default_graph", [], (ctx: EngineContext): GraphClass => ctx.defaultGraph());

/**
 * Replaces the global default graph with a new, empty one.
 * @example
 * tf.reset_default_graph();
 */
export const reset_default_graph = pyfunc("reset_default_graph", [], (ctx: EngineContext): void => {
  if (ctx.graphStack.length > 1) {
    throw new Error(
      "AssertionError: Do not use tf.reset_default_graph() to clear nested graphs. If you need a cleared graph, exit the nesting and create a new graph.",
    );
  }
  ctx.graphStack.length = 0;
  ctx.graphStack.push(new GraphClass(ctx));
});

/**
 * The default session (set by `sess.as_default` or `tf.Session(sess => ...)`), or null.
 * @example
 * tf.Session((sess) => print(tf.get_default_session() === sess)); // True
 */
export const get_default_session = pyfunc("get_default_session", [], (ctx: EngineContext): SessionClass | null => ctx.defaultSession());

/**
 * Prefixes the names of ops created in the callback: `tf.name_scope("outer", () => ...)`.
 * @example
 * tf.name_scope("outer", () => tf.constant(1, {name: "c"})); // outer/c
 */
export const name_scope = perContext((ctx: EngineContext): NameScopeFn => <T>(...args: unknown[]): T => {
  const [rest, body] = splitBody<(scope: string) => T>(args);
  if (!body) throw new PyTypeError("name_scope needs a callback (the body of Python's `with` block) as its last argument");
  const [name, defaultName] = bind("name_scope", ["name", ["default_name", null], ["values", null]], rest) as [string | null, string | null];
  const g = ctx.defaultGraph();
  if (name === null || name === undefined || name === "") {
    if (defaultName) return g.name_scope(defaultName, body);
    return g.name_scope(null, body);
  }
  return g.name_scope(name, body);
});

/**
 * Ops created in the callback run only after `control_inputs` (null: clear inherited ones).
 * @example
 * const y = tf.control_dependencies([assign_op], () => tf.identity(x));
 */
export const control_dependencies = perContext((ctx: EngineContext) => <T>(control_inputs: unknown[] | null, body: () => T): T => {
  if (typeof body !== "function") throw new PyTypeError("control_dependencies needs a callback (the body of Python's `with` block) as its last argument");
  return ctx.defaultGraph().control_dependencies(control_inputs, body);
});

/**
 * Ops created in the callback are placed on `device_name_or_function` (`"/gpu:0"` is recorded
 * as `/device:GPU:0`; an inner block overrides only what it names; null clears). The
 * playground's machine has a CPU and one simulated GPU (which computes on the CPU).
 * @example
 * const c = tf.device("/gpu:0", () => tf.matmul(a, b));
 * print(c.device); // /device:GPU:0
 */
export const device = perContext(
  (ctx: EngineContext) =>
    <T>(device_name_or_function: string | ((op: OperationClass) => unknown) | null, body: () => T): T => {
      if (typeof body !== "function") throw new PyTypeError("device needs a callback (the body of Python's `with` block) as its last argument");
      return ctx.defaultGraph().device(device_name_or_function, body);
    },
);

/**
 * Sets the graph-level random seed, making random ops repeatable across program runs.
 * @example
 * tf.set_random_seed(1234);
 */
export const set_random_seed = pyfunc("set_random_seed", ["seed"], (ctx: EngineContext, seed: number | null): void => {
  ctx.defaultGraph().seed = seed === null ? null : Number(seed);
});

/**
 * Items of a graph collection of the default graph.
 * @example
 * const vars = tf.get_collection("trainable_variables");
 */
export const get_collection = pyfunc("get_collection", ["key", "scope"], (ctx: EngineContext, key: string, scope: string | null = null): unknown[] =>
  ctx.defaultGraph().get_collection(key, scope),
);

/**
 * Adds `value` to a collection of the default graph.
 * @example
 * tf.add_to_collection("losses", loss);
 */
export const add_to_collection = pyfunc("add_to_collection", ["name", "value"], (ctx: EngineContext, name: string, value: unknown): void =>
  ctx.defaultGraph().add_to_collection(name, value),
);

/** The Operation class, for `instanceof` checks. */
export const Operation = OperationClass;

/** The Tensor class, for `instanceof` checks. */
export const Tensor = TensorClass;
