/**
 * Python's `with` blocks as two calls. The dialect's blocks take their body as a callback
 * (`tf.name_scope("a", () => ...)`), but Python's `with` statement calls `__enter__`, runs the
 * body, then calls `__exit__`. `enterBlock` runs the dialect's block with a body that only
 * saves the scope state it finds inside (name scope, control dependencies, variable scope,
 * default graph and session), then puts that state back: the program is now "inside". Exiting
 * puts back the state from before.
 */
import type { EngineContext } from "../context.js";
import type { Graph, GraphScopeState } from "../graph.js";
import type { Session } from "../session/session.js";
import { restoreVariableScopes, saveVariableScopes, type VariableScope } from "../variable_scope.js";

/** The scope state of one program run at one moment. */
export interface ScopeSnapshot {
  readonly graphs: readonly Graph[];
  readonly sessions: readonly Session[];
  readonly states: ReadonlyMap<Graph, readonly [GraphScopeState, readonly VariableScope[]]>;
}

/**
 * The current scope state of `ctx` (its default-graph and default-session stacks, and each of
 * those graphs' scopes).
 * @example
 * const before = saveScopes(ctx);
 */
export function saveScopes(ctx: EngineContext): ScopeSnapshot {
  ctx.defaultGraph();
  const states = new Map<Graph, readonly [GraphScopeState, readonly VariableScope[]]>();
  for (const g of ctx.graphStack) if (!states.has(g)) states.set(g, [g._saveScopeState(), saveVariableScopes(g)]);
  return { graphs: ctx.graphStack.slice(), sessions: ctx.sessionStack.slice(), states };
}

/**
 * Puts back a state `saveScopes` returned.
 * @example
 * restoreScopes(ctx, before);
 */
export function restoreScopes(ctx: EngineContext, s: ScopeSnapshot): void {
  ctx.graphStack.length = 0;
  ctx.graphStack.push(...s.graphs);
  ctx.sessionStack.length = 0;
  ctx.sessionStack.push(...s.sessions);
  for (const [g, [state, scopes]] of s.states) {
    g._restoreScopeState(state);
    restoreVariableScopes(g, scopes);
  }
}

/** An entered block: the value `as` binds, and the states inside and before it. */
export interface EnteredBlock {
  readonly value: unknown;
  readonly inside: ScopeSnapshot;
  readonly outside: ScopeSnapshot;
}

/**
 * Enters the block that `open` runs with its body (a dialect block function called with the
 * callback), leaving the program inside it; `restoreScopes(ctx, entered.outside)` exits.
 * @example
 * const entered = enterBlock(ctx, (body) => tf.name_scope("outer", body));
 * tf.constant(1); // outer/Const
 * restoreScopes(ctx, entered.outside);
 */
export function enterBlock(ctx: EngineContext, open: (body: (value?: unknown) => unknown) => unknown): EnteredBlock {
  const outside = saveScopes(ctx);
  let inside: ScopeSnapshot | null = null;
  let value: unknown = undefined;
  open((v?: unknown) => {
    value = v;
    inside = saveScopes(ctx);
    return undefined;
  });
  if (inside === null) throw new Error("the block did not run its body");
  restoreScopes(ctx, inside);
  return { value, inside, outside };
}
