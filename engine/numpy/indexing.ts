/**
 * numpy's `a[i]` on the arrays `sess.run` returns: `a[0]` is the first row (an array) or, on a
 * vector, the first element; `a[-1]` the last; `a[i][j]` nests; `a[i] = v` writes (a number
 * fills the row). As for graph tensors (graph_elements.ts' `indexable`), a Proxy sits behind
 * NDArray's prototype and is consulted only for keys the instance and class lack, so every
 * ordinary property, and JavaScript arrays, cost nothing more.
 */
import { NDArray } from "../ndarray.js";
import { PyBytes } from "../pybytes.js";
import { scalarOf, type NpScalar } from "./scalar.js";
import { IndexError, PyTypeError, ValueError } from "../errors.js";
import { sizeOf } from "../shape.js";

const INDEX_ERROR = "only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and integer or boolean arrays are valid indices";

/** A property key that is a JS number's text: `"0"`, `"-1"`, `"1.5"`. */
function numericKey(prop: string | symbol): number | null {
  if (typeof prop !== "string") return null;
  const c = prop.charCodeAt(0);
  if (!((c >= 48 && c <= 57) || c === 45)) return null;
  const n = Number(prop);
  return Number.isNaN(n) || (String(n) !== prop && prop !== "-0") ? null : n;
}

/** The flat range of row `i` (negative from the end), with numpy's IndexErrors. */
function rowRange(a: NDArray, key: number): [number, number] {
  if (!Number.isInteger(key)) throw new IndexError(INDEX_ERROR);
  if (a.shape.length === 0) throw new IndexError("too many indices for array");
  const n = a.shape[0];
  const i = key < 0 ? key + n : key;
  if (i < 0 || i >= n) throw new IndexError(`index ${key} is out of bounds for axis 0 with size ${n}`);
  const block = sizeOf(a.shape.slice(1));
  return [i * block, (i + 1) * block];
}

/** One element as indexing returns it: numpy's scalar of the dtype, as a 0-d fetch gives. */
function elementAt(a: NDArray, i: number): NpScalar | boolean | PyBytes {
  return scalarOf(a.dtype, a.data[i] as number | string);
}

/**
 * `a[i]`: an element of a vector, or row i — as numpy, a view sharing the array's memory
 * (`a[1][0] = 5` writes into `a`); rows of string arrays are copies.
 */
export function ndGetItem(a: NDArray, key: number): NDArray | NpScalar | boolean | PyBytes {
  const [from, to] = rowRange(a, key);
  if (a.shape.length === 1) return elementAt(a, from);
  const d = a.data;
  return new NDArray(a.dtype, a.shape.slice(1), Array.isArray(d) ? d.slice(from, to) : (d.subarray(from, to) as typeof d));
}

/** `for (const row of a)`: numpy iterates over the first axis. */
function* rows(this: NDArray): Generator<NDArray | NpScalar | boolean | PyBytes> {
  if (this.shape.length === 0) throw new PyTypeError("iteration over a 0-d array");
  for (let i = 0; i < this.shape[0]; i++) yield ndGetItem(this, i);
}

Object.defineProperty(NDArray.prototype, Symbol.iterator, { value: rows, writable: true, configurable: true });

/** `a[i] = v`: a number (or boolean, string) fills row i; an array of the row's shape is copied in. */
export function ndSetItem(a: NDArray, key: number, v: unknown): void {
  const [from, to] = rowRange(a, key);
  const d = a.data as unknown as unknown[];
  const put = (x: unknown): unknown =>
    typeof x === "boolean" ? (x ? 1 : 0) : x instanceof PyBytes ? x.text : typeof x === "object" && x !== null ? Number(x) : x;
  if (v instanceof NDArray || Array.isArray(v)) {
    const flat: unknown[] = v instanceof NDArray ? Array.from(v.data as ArrayLike<unknown>) : (v as unknown[]).flat(Infinity);
    if (flat.length !== to - from && flat.length !== 1) {
      throw new ValueError(`could not broadcast input array from shape (${flat.length},) into shape (${a.shape.slice(1).join(", ")}${a.shape.length === 2 ? "," : ""})`);
    }
    for (let j = from; j < to; j++) d[j] = put(flat.length === 1 ? flat[0] : flat[j - from]);
    return;
  }
  for (let j = from; j < to; j++) d[j] = put(v);
}

const base = Object.getPrototypeOf(NDArray.prototype) as object;
Object.setPrototypeOf(
  NDArray.prototype,
  new Proxy(base, {
    get(target, prop, receiver) {
      const n = numericKey(prop);
      return n === null ? Reflect.get(target, prop, receiver) : ndGetItem(receiver as NDArray, n);
    },
    set(target, prop, value, receiver) {
      const n = numericKey(prop);
      if (n === null) return Reflect.set(target, prop, value, receiver);
      ndSetItem(receiver as NDArray, n, value);
      return true;
    },
  }),
);
