/**
 * Python's namedtuples as JavaScript sees them (TF's `TopKV2(values, indices)`,
 * `Unique(y, idx)`): an array — `const [values, indices] = r` destructures as Python unpacks —
 * with each field also readable by name (`r.indices`), printing as Python prints a namedtuple,
 * `TopKV2(values=..., indices=...)`. `sess.run` of one returns one of the same type, as TF's
 * fetch mapper rebuilds it.
 */
import { pyRepr } from "./format/python.js";

/** The namedtuple's class: its name and fields. */
export interface NamedTupleType {
  readonly name: string;
  readonly fields: readonly string[];
}

const TYPE = Symbol("namedtuple type");

/**
 * `items` as a namedtuple of `type`.
 * @example
 * const r = namedTupleOf({ name: "TopKV2", fields: ["values", "indices"] }, [v, i]); // r[1] === r.indices
 */
export function namedTupleOf<T>(type: NamedTupleType, items: readonly T[]): T[] {
  const out = items.slice();
  type.fields.forEach((f, i) => Object.defineProperty(out, f, { value: items[i], enumerable: false }));
  Object.defineProperty(out, TYPE, { value: type, enumerable: false });
  Object.defineProperty(out, "__repr__", {
    value: () => `${type.name}(${type.fields.map((f, i) => `${f}=${pyRepr(out[i])}`).join(", ")})`,
    enumerable: false,
  });
  return out;
}

/** The namedtuple type of `x`, or null for anything else. */
export function namedTupleTypeOf(x: unknown): NamedTupleType | null {
  return Array.isArray(x) ? ((x as unknown as Record<symbol, NamedTupleType | undefined>)[TYPE] ?? null) : null;
}
