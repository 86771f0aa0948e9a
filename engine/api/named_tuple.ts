/**
 * TF's namedtuple results (`TopKV2(values, indices)`, `Unique(y, idx)`) as JavaScript sees
 * them: an array, so `const [values, indices] = tf.nn.top_k(x)` destructures as Python
 * unpacks, with each field also readable by name (`tf.nn.top_k(x).indices`).
 */
import { namedTupleOf } from "../pytuple.js";

export type NamedTuple<N extends string, T> = T[] & { readonly [K in N]: T };

/**
 * The items in order, each also under its field name, as TF's namedtuple class `typeName`
 * (which is how it prints, and what `sess.run` of it returns).
 * @example
 * const r = namedTuple("TopKV2", ["values", "indices"], [v, i]); // r[1] === r.indices
 */
export function namedTuple<const N extends readonly string[], T>(typeName: string, fields: N, items: readonly T[]): NamedTuple<N[number], T> {
  return namedTupleOf({ name: typeName, fields }, items) as NamedTuple<N[number], T>;
}
