/**
 * Fetched values as plain JS values, for tests that compare numbers with `toBe`/`toEqual`:
 * numpy scalars become their number, bytes their text, NDArrays nested arrays; lists and
 * dicts keep their structure. Tests about *how* a value prints use `pyRepr` instead.
 * Test-only: excluded from the engine's own build (tsconfig.engine.json).
 */
import { NDArray } from "../ndarray.js";
import { NpScalar } from "../numpy/scalar.js";
import { PyBytes } from "../pybytes.js";

export function plain(v: unknown): unknown {
  if (v instanceof NpScalar) return v.item();
  if (v instanceof PyBytes) return v.text;
  if (v instanceof NDArray) return v.toArray();
  if (Array.isArray(v)) return v.map(plain);
  if (v !== null && typeof v === "object" && Object.getPrototypeOf(v) === Object.prototype) {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)]));
  }
  return v;
}
