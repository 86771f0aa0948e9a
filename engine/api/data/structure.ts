/**
 * The structure of a `tf.data` element, as TF's `tf.data` nest sees it: a tuple or a dict of
 * components (nested), or a single component. In Python a tuple nests and a list is a value
 * (`[1, 2, 3]` is one tensor); in the playground both are JS arrays, so an array is a tuple
 * when it holds a tensor, an array value, a dict or another such tuple, and a value (one
 * tensor) when it holds only numbers, booleans and strings (nested lists of them included).
 * Dicts flatten in sorted key order, as TF's nest does.
 */
import type { EngineContext } from "../../context.js";
import { DType } from "../../dtypes.js";
import { Tensor } from "../../graph.js";
import { NDArray } from "../../ndarray.js";
import { TensorShape } from "../../shape.js";
import { isPlainObject } from "../../format/pytypes.js";
import { convertToTensor, isTensorLike } from "../convert_tensor.js";

/** One component's type: TF's TensorSpec (a leaf of an element's structure). */
export class ComponentSpec {
  constructor(
    readonly dtype: DType,
    readonly shape: TensorShape,
  ) {}

  /** Python's repr in TF 1.15: `TensorSpec(shape=(), dtype=tf.int64, name=None)`. */
  __repr__(): string {
    return `TensorSpec(shape=${String(this.shape)}, dtype=${this.dtype.__repr__()}, name=None)`;
  }

  toString(): string {
    return this.__repr__();
  }
}

/** True for an array that nests (a Python tuple), not a list value. */
export function isTuple(x: unknown): x is unknown[] {
  return (
    Array.isArray(x) &&
    x.some((e) => isTensorLike(e) || e instanceof NDArray || e instanceof ComponentSpec || e instanceof DType || e instanceof TensorShape || isPlainObject(e) || isTuple(e))
  );
}

/** The components of an element, in TF's order. */
export function flattenElement(x: unknown): unknown[] {
  const out: unknown[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v) && isTuple(v)) v.forEach(walk);
    else if (isPlainObject(v)) for (const k of Object.keys(v).sort()) walk(v[k]);
    else out.push(v);
  };
  walk(x);
  return out;
}

/** `flat` in the nesting of `structure` (whose leaves it replaces, in flattening order); dicts keep their key order. */
export function packElement<T>(structure: unknown, flat: readonly T[]): unknown {
  let i = 0;
  const build = (v: unknown): unknown => {
    if (Array.isArray(v) && isTuple(v)) return v.map(build);
    if (isPlainObject(v)) {
      const built = new Map<string, unknown>();
      for (const k of Object.keys(v).sort()) built.set(k, build(v[k]));
      const out: Record<string, unknown> = {};
      for (const k of Object.keys(v)) out[k] = built.get(k);
      return out;
    }
    return flat[i++];
  };
  return build(structure);
}

/** The same structure with every leaf replaced by `f(leaf)`. */
export function mapElement<T>(structure: unknown, f: (leaf: unknown, i: number) => T): unknown {
  return packElement(structure, flattenElement(structure).map(f));
}

/**
 * TF's `normalize_element`: every component as a tensor (values converted to constants named
 * `component_<i>`), in the same structure. A top-level array is always a tuple when `topTuple`
 * (what a map function returns: TF turns a returned list into a tuple).
 */
export function normalizeElement(ctx: EngineContext, element: unknown, topTuple = false): { structure: unknown; tensors: Tensor[] } {
  const tensors: Tensor[] = [];
  const walk = (v: unknown, top: boolean): unknown => {
    if (Array.isArray(v) && (isTuple(v) || top)) return v.map((e) => walk(e, false));
    if (isPlainObject(v)) {
      const built = new Map<string, unknown>();
      for (const k of Object.keys(v).sort()) built.set(k, walk(v[k], false));
      const out: Record<string, unknown> = {};
      for (const k of Object.keys(v)) out[k] = built.get(k);
      return out;
    }
    const t = v instanceof Tensor ? v : convertToTensor(ctx, v, { name: `component_${tensors.length}` });
    tensors.push(t);
    return t;
  };
  const structure = walk(element, topTuple);
  return { structure, tensors };
}

/** Whether a structure is a tuple at its top (a map function then gets its components as arguments). */
export function isTupleStructure(structure: unknown): boolean {
  return Array.isArray(structure);
}

/** Flat component specs of an element of tensors. */
export function specsOf(tensors: readonly Tensor[]): ComponentSpec[] {
  return tensors.map((t) => new ComponentSpec(t.dtype.base_dtype, t.shape));
}

