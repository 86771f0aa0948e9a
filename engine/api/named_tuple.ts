/**
 * TF's namedtuple results (`TopKV2(values, indices)`, `Unique(y, idx)`) as JavaScript sees
 * them: an array, so `const [values, indices] = tf.nn.top_k(x)` destructures as Python
 * unpacks, with each field also readable by name (`tf.nn.top_k(x).indices`).
 */
export type NamedTuple<N extends string, T> = T[] & { readonly [K in N]: T };

/**
 * The items in order, each also under its field name.
 * @example
 * const r = namedTuple(["values", "indices"], [v, i]); // r[1] === r.indices
 */
export function namedTuple<const N extends readonly string[], T>(fields: N, items: readonly T[]): NamedTuple<N[number], T> {
  const out = items.slice();
  fields.forEach((f, i) => Object.defineProperty(out, f, { value: items[i], enumerable: false }));
  return out as NamedTuple<N[number], T>;
}
