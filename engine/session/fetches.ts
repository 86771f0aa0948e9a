/**
 * The structure of `sess.run`'s fetches: a tensor, an op, a name, or nested arrays and plain
 * objects of them. Flattened to leaves for planning; rebuilt with values for the result.
 */
import { Graph, Operation, Tensor, graphElementOf } from "../graph.js";
import { pyClassName, pyTypeName } from "../format/pytypes.js";
import { PyTypeError, ValueError } from "../errors.js";
import { isPlainObject } from "../format/pytypes.js";
import { pyRepr } from "../format/python.js";
import { SparseTensorImpl } from "../sparse_tensor.js";
import { SparseTensorValue } from "../sparse_value.js";
import { namedTupleOf, namedTupleTypeOf } from "../pytuple.js";

function typeRepr(x: unknown): string {
  return `<class '${pyTypeName(x)}'>`;
}

/** Resolves one fetch leaf, raising TF's TypeError/ValueError for anything that is not one. */
export function resolveFetch(graph: Graph, x: unknown): Tensor | Operation {
  if (x === null || x === undefined) throw new PyTypeError(`Fetch argument None has invalid type ${typeRepr(x)}`);
  const el = typeof x === "string" ? null : graphElementOf(x);
  if (el !== null) {
    if (el.graph !== graph) {
      const kind = el instanceof Tensor ? "Tensor" : "Operation";
      const shown = el instanceof Tensor ? String(el) : el.__repr__();
      throw new ValueError(`Fetch argument ${pyRepr(x)} cannot be interpreted as a Tensor. (${kind} ${shown} is not an element of this graph.)`);
    }
    return fetchable(graph, el);
  }
  if (typeof x === "string") {
    let found: Tensor | Operation;
    try {
      found = graph.resolveKey(x, true);
    } catch (e) {
      throw new ValueError(`Fetch argument ${pyRepr(x)} cannot be interpreted as a Tensor. (${unquote((e as Error).message)})`);
    }
    return fetchable(graph, found);
  }
  throw new PyTypeError(
    `Fetch argument ${pyRepr(x)} has invalid type ${typeRepr(x)}, must be a string or Tensor. (Can not convert a ${pyClassName(x)} into a Tensor or Operation.)`,
  );
}

/** TF's `_assert_fetchable`: the ops inside a cond branch or a while loop cannot be fetched. */
function fetchable(graph: Graph, el: Tensor | Operation): Tensor | Operation {
  if (!graph.is_fetchable(el)) throw new ValueError(`Operation '${el instanceof Tensor ? el.op.name : el.name}' has been marked as not fetchable.`);
  return el;
}

/** KeyError messages carry Python's quotes; TF's wrappers use the bare text. */
export function unquote(msg: string): string {
  return msg.length > 1 && msg.startsWith('"') && msg.endsWith('"') ? msg.slice(1, -1) : msg;
}

/** Appends the leaves of `fetches` to `out` in order. Returns false for a structure with no leaves. */
export function flattenFetches(graph: Graph, fetches: unknown, out: (Tensor | Operation)[]): void {
  if (Array.isArray(fetches)) {
    for (let i = 0; i < fetches.length; i++) flattenFetches(graph, fetches[i], out);
  } else if (isPlainObject(fetches)) {
    for (const k in fetches) flattenFetches(graph, fetches[k], out);
  } else if (fetches instanceof Map) {
    for (const v of fetches.values()) flattenFetches(graph, v, out);
  } else if (fetches instanceof SparseTensorImpl) {
    // TF's _FetchMapper for a SparseTensor: its three parts, rebuilt as a SparseTensorValue.
    out.push(resolveFetch(graph, fetches.indices), resolveFetch(graph, fetches.values), resolveFetch(graph, fetches.dense_shape));
  } else {
    out.push(resolveFetch(graph, fetches));
  }
}

/** Rebuilds the fetch structure with `values` in leaf order. */
export function rebuildFetches(fetches: unknown, values: readonly unknown[]): unknown {
  let i = 0;
  const build = (f: unknown): unknown => {
    if (Array.isArray(f)) {
      const out = new Array(f.length);
      for (let j = 0; j < f.length; j++) out[j] = build(f[j]);
      // TF's fetch mapper rebuilds a namedtuple as its own type.
      const type = namedTupleTypeOf(f);
      return type === null ? out : namedTupleOf(type, out);
    }
    if (isPlainObject(f)) {
      const out: Record<string, unknown> = {};
      for (const k in f) out[k] = build(f[k]);
      return out;
    }
    if (f instanceof SparseTensorImpl) {
      const parts = values.slice(i, (i += 3));
      return new SparseTensorValue(parts[0], parts[1], parts[2]);
    }
    if (f instanceof Map) {
      const out = new Map();
      for (const [k, v] of f) out.set(k, build(v));
      return out;
    }
    return values[i++];
  };
  return build(fetches);
}
