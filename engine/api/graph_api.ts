/**
 * Graphs, sessions and scopes: `tf.Graph`, `tf.Session`, `tf.get_default_graph`,
 * `tf.name_scope`, `tf.control_dependencies`, `tf.set_random_seed`.
 */
import { EngineContext } from "../context.js";
import { Graph, Operation, Tensor } from "../graph.js";
import { PyTypeError } from "../errors.js";
import { Session } from "../session/session.js";
import { bind, PyArgs, pyfunc } from "./pyargs.js";
import { callable, splitBody } from "./blocks.js";

/** Keyword arguments of `tf.Session`. */
export interface SessionKw {
  target?: string;
  graph?: Graph | null;
  config?: unknown;
}

/** Runs a `with tf.Session() as sess:` body: the session is the default inside and closed after. */
function withSession<T>(sess: Session, body: (s: Session) => T): T {
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

export function graphApi(ctx: EngineContext) {
  const makeSession = (...args: unknown[]): Session | unknown => {
    const [rest, body] = splitBody<(s: Session) => unknown>(args);
    const [, graph] = bind("Session", [["target", ""], ["graph", null], ["config", null]], rest) as [string, Graph | null, unknown];
    const sess = new Session(ctx, graph);
    return body ? withSession(sess, body) : sess;
  };
  type SessionCtor = {
    /**
     * A session runs graphs and holds variable values.
     * `tf.Session(sess => ...)` is Python's `with tf.Session() as sess:` (default inside, closed after).
     * @example
     * const sess = tf.Session();
     * print(sess.run(tf.constant(2)));
     */
    <T>(body: (sess: Session) => T): T;
    <T>(kwargs: SessionKw, body: (sess: Session) => T): T;
    (...args: PyArgs<[], [target: string, graph: Graph | null, config: unknown], SessionKw>): Session;
    new (...args: PyArgs<[], [target: string, graph: Graph | null, config: unknown], SessionKw>): Session;
  };

  return {
    /**
     * @example
     * const sess = tf.Session(); print(sess.run(tf.constant(2)));
     */
    Session: callable("Session", makeSession as (...args: unknown[]) => Session, Session.prototype) as unknown as SessionCtor,

    /**
     * A session that makes itself the default on creation (for `t.eval()` in notebooks).
     * @example
     * const sess = tf.InteractiveSession();
     * print(tf.constant(4).eval());
     */
    InteractiveSession: callable(
      "InteractiveSession",
      (...args: PyArgs<[], [target: string, graph: Graph | null, config: unknown], SessionKw>) => {
        const [, graph] = bind("InteractiveSession", [["target", ""], ["graph", null], ["config", null]], args) as [string, Graph | null];
        const sess = new Session(ctx, graph);
        ctx.sessionStack.push(sess);
        return sess;
      },
      Session.prototype,
    ),

    /**
     * A new, empty graph. Build into it with `g.as_default(() => ...)`.
     * @example
     * const g = tf.Graph();
     * g.as_default(() => tf.constant(1));
     */
    Graph: callable("Graph", () => new Graph(ctx), Graph.prototype),

    /**
     * The graph new ops are added to.
     * @example
     * print(tf.get_default_graph().get_operations().length);
     */
    get_default_graph: (): Graph => ctx.defaultGraph(),

    /**
     * Replaces the global default graph with a new, empty one.
     * @example
     * tf.reset_default_graph();
     */
    reset_default_graph: (): void => {
      if (ctx.graphStack.length > 1) {
        throw new Error(
          "AssertionError: Do not use tf.reset_default_graph() to clear nested graphs. If you need a cleared graph, exit the nesting and create a new graph.",
        );
      }
      ctx.graphStack.length = 0;
      ctx.graphStack.push(ctx.makeGraph());
    },

    /**
     * The default session (set by `sess.as_default` or `tf.Session(sess => ...)`), or null.
     * @example
     * tf.Session((sess) => print(tf.get_default_session() === sess)); // True
     */
    get_default_session: (): Session | null => ctx.defaultSession(),

    /**
     * Prefixes the names of ops created in the callback: `tf.name_scope("outer", () => ...)`.
     * @example
     * tf.name_scope("outer", () => tf.constant(1, {name: "c"})); // outer/c
     */
    name_scope: (<T>(...args: unknown[]): T => {
      const [rest, body] = splitBody<(scope: string) => T>(args);
      if (!body) throw new PyTypeError("name_scope needs a callback (the body of Python's `with` block) as its last argument");
      const [name, defaultName] = bind("name_scope", ["name", ["default_name", null], ["values", null]], rest) as [string | null, string | null];
      const g = ctx.defaultGraph();
      if (name === null || name === undefined || name === "") {
        if (defaultName) return g.name_scope(defaultName, body);
        return g.name_scope(null, body);
      }
      return g.name_scope(name, body);
    }) as NameScopeFn,

    /**
     * Ops created in the callback run only after `control_inputs` (null: clear inherited ones).
     * @example
     * const y = tf.control_dependencies([assign_op], () => tf.identity(x));
     */
    control_dependencies: <T>(control_inputs: unknown[] | null, body: () => T): T => {
      if (typeof body !== "function") throw new PyTypeError("control_dependencies needs a callback (the body of Python's `with` block) as its last argument");
      return ctx.defaultGraph().control_dependencies(control_inputs, body);
    },

    /**
     * Placement has no effect in the playground (one CPU); the callback runs as is.
     * @example
     * tf.device("/cpu:0", () => tf.constant(1));
     */
    device: <T>(_device: string | null, body: () => T): T => body(),

    /**
     * Sets the graph-level random seed, making random ops repeatable across program runs.
     * @example
     * tf.set_random_seed(1234);
     */
    set_random_seed: pyfunc("set_random_seed", ["seed"], (seed: number | null): void => {
      ctx.defaultGraph().seed = seed === null ? null : Number(seed);
    }) as (seed: number | null) => void,

    /**
     * Items of a graph collection of the default graph.
     * @example
     * const vars = tf.get_collection("trainable_variables");
     */
    get_collection: pyfunc("get_collection", ["key", ["scope", null]], (key: string, scope: string | null) => ctx.defaultGraph().get_collection(key, scope)) as (
      ...args: PyArgs<[key: string], [scope: string | null], { scope?: string | null }>
    ) => unknown[],

    /**
     * Adds `value` to a collection of the default graph.
     * @example
     * tf.add_to_collection("losses", loss);
     */
    add_to_collection: pyfunc("add_to_collection", ["name", "value"], (name: string, value: unknown) => ctx.defaultGraph().add_to_collection(name, value)) as (
      name: string,
      value: unknown,
    ) => void,

    /** The Operation and Tensor classes, for `instanceof` checks. */
    Operation: Operation as unknown as typeof Operation,
    Tensor: Tensor as unknown as typeof Tensor,
  };
}
