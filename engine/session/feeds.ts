/**
 * `feed_dict`: keys (a tensor as a computed key, a tensor name, Map entries, [tensor, value]
 * pairs) resolved to tensors; values converted as numpy would and shape-checked as TF does.
 */
import { Graph, Tensor, graphElementOf } from "../graph.js";
import { PyTypeError, ValueError } from "../errors.js";
import { NDArray } from "../ndarray.js";
import { feedToNDArray } from "../convert.js";
import { isPlainObject } from "../format/pytypes.js";
import { shapeTuple } from "../shape.js";
import { pyRepr } from "../format/python.js";
import { unquote } from "./fetches.js";
import { SparseTensorImpl } from "../sparse_tensor.js";

function keyError(e: unknown): PyTypeError {
  return new PyTypeError(`Cannot interpret feed_dict key as Tensor: ${unquote((e as Error).message)}`);
}

/** The tensor a feed_dict key names (TF's TypeError when it names none). */
export function resolveFeedKey(graph: Graph, key: unknown): Tensor {
  try {
    if (typeof key === "string") return graph.resolveKey(key, false) as Tensor;
    const el = graphElementOf(key);
    if (el instanceof Tensor) return graph.as_graph_element(el, true, false) as Tensor;
    return graph.as_graph_element(key, true, false) as Tensor;
  } catch (e) {
    throw keyError(e);
  }
}

/**
 * Resolves the feed dict's keys into `tensors` and collects the raw values into `values`
 * (both cleared first). Accepts a plain object, a Map, or an array of [key, value] pairs.
 */
export function collectFeeds(graph: Graph, feedDict: unknown, tensors: Tensor[], values: unknown[]): void {
  tensors.length = 0;
  values.length = 0;
  if (feedDict === null || feedDict === undefined) return;
  if (feedDict instanceof Map) {
    for (const [k, v] of feedDict) addFeed(graph, k, v, tensors, values);
  } else if (Array.isArray(feedDict)) {
    for (const pair of feedDict) {
      if (!Array.isArray(pair) || pair.length !== 2) {
        throw new PyTypeError("feed_dict as an array must hold [tensor, value] pairs");
      }
      addFeed(graph, pair[0], pair[1], tensors, values);
    }
  } else if (isPlainObject(feedDict)) {
    for (const k in feedDict) addFeed(graph, sparseKeyOf(graph, k) ?? k, feedDict[k], tensors, values);
  } else {
    throw new PyTypeError(`feed_dict must be a dict (a plain object, a Map or [tensor, value] pairs), not ${pyRepr(feedDict)}`);
  }
}

/**
 * The SparseTensor a computed object key names: `{[sp]: value}` turns `sp` into its text,
 * `SparseTensor(indices=Tensor("a:0", ...), values=Tensor("b:0", ...), dense_shape=Tensor("c:0", ...))`,
 * whose three tensor names find its parts again (as a Tensor key's text finds the tensor).
 */
export function sparseKeyOf(graph: Graph, key: string): SparseTensorImpl | null {
  if (!key.startsWith("SparseTensor(")) return null;
  const m = /^SparseTensor\(indices=Tensor\("([^"]+)".*, values=Tensor\("([^"]+)".*, dense_shape=Tensor\("([^"]+)"/.exec(key);
  if (m === null) return null;
  try {
    const [i, v, d] = [m[1], m[2], m[3]].map((n) => graph.resolveKey(n, false) as Tensor);
    return new SparseTensorImpl(i, v, d);
  } catch (e) {
    throw keyError(e);
  }
}

/**
 * One feed_dict entry. A SparseTensor key feeds its three parts, as TF's registered feed
 * expansion does: `zip([indices, values, dense_shape], value)` — a SparseTensorValue or any
 * (indices, values, dense_shape) sequence; a shorter one leaves the rest unfed.
 */
function addFeed(graph: Graph, key: unknown, v: unknown, tensors: Tensor[], values: unknown[]): void {
  if (!(key instanceof SparseTensorImpl)) {
    add(resolveFeedKey(graph, key), v, tensors, values);
    return;
  }
  if (v === null || v === undefined || typeof (v as Iterable<unknown>)[Symbol.iterator] !== "function" || typeof v === "string") {
    throw new PyTypeError("zip argument #2 must support iteration");
  }
  const parts = [key.indices, key.values, key.dense_shape];
  let i = 0;
  for (const part of v as Iterable<unknown>) {
    if (i === parts.length) break;
    add(resolveFeedKey(graph, parts[i++]), part, tensors, values);
  }
}

function add(t: Tensor, v: unknown, tensors: Tensor[], values: unknown[]): void {
  // TF's check: a while loop's values cannot be replaced by a feed.
  if (!t.graph.is_feedable(t)) throw new ValueError(`Tensor ${t} may not be fed.`);
  const i = tensors.indexOf(t);
  if (i >= 0) {
    values[i] = v; // the same tensor twice: the last value wins, as in a Python dict
    return;
  }
  tensors.push(t);
  values.push(v);
}

/** Converts a fed value for tensor `t` (numpy's `asarray`) and checks it against `t`'s static shape. */
export function convertFeed(t: Tensor, value: unknown): NDArray {
  if (value !== null && typeof value === "object" && graphElementOf(value) !== null) {
    throw new PyTypeError(
      `The value of a feed cannot be a tf.Tensor object. Acceptable feed values include Python scalars, strings, lists, numpy ndarrays, or TensorHandles. For reference, the tensor object was ${value} which was passed to the feed with key ${t}.`,
    );
  }
  const arr = feedToNDArray(value, t.dtype.base_dtype);
  const dims = t.shape.dims;
  if (dims !== null) {
    let ok = dims.length === arr.shape.length;
    for (let i = 0; ok && i < dims.length; i++) ok = dims[i] === null || dims[i] === arr.shape[i];
    if (!ok) {
      throw new ValueError(`Cannot feed value of shape ${shapeTuple(arr.shape)} for Tensor '${t.name}', which has shape '${t.shape}'`);
    }
  }
  return arr;
}
