/**
 * Python's `str` of a `tf.data` structure whose leaves are already text, with the quotes TF
 * strips (`str(x).replace("'", "")`): `((), (100,))`, `{a: (), b: (100,)}`.
 */
import { isPlainObject } from "../../format/pytypes.js";

export function structureText(x: unknown): string {
  if (Array.isArray(x)) return x.length === 1 ? `(${structureText(x[0])},)` : `(${x.map(structureText).join(", ")})`;
  if (isPlainObject(x)) return `{${Object.keys(x).map((k) => `${k}: ${structureText(x[k])}`).join(", ")}}`;
  return String(x);
}
