/**
 * TF's `nest` for the structures `tf.cond` and `tf.while_loop` take and return: lists (JS
 * arrays) and dicts (plain objects, flattened in sorted key order) nest; anything else is a
 * leaf. `assertSameStructure` raises TF's errors, word for word.
 */
import { PyTypeError, ValueError } from "../../errors.js";
import { pyStr } from "../../format/python.js";
import { isPlainObject, pyClassName } from "../../format/pytypes.js";

/** A list or a dict: what nest looks inside. */
export function isSequence(x: unknown): x is unknown[] | Record<string, unknown> {
  return Array.isArray(x) || isPlainObject(x);
}

function children(x: unknown[] | Record<string, unknown>): unknown[] {
  return Array.isArray(x) ? x : Object.keys(x).sort().map((k) => x[k]);
}

/** The leaves of a structure, in order (a leaf alone gives a list of one). */
export function flatten(structure: unknown): unknown[] {
  const out: unknown[] = [];
  const walk = (x: unknown): void => {
    if (isSequence(x)) for (const c of children(x)) walk(c);
    else out.push(x);
  };
  walk(structure);
  return out;
}

/** `flat` packed into the shape of `structure` (TF's `pack_sequence_as`). */
export function packSequenceAs(structure: unknown, flat: readonly unknown[]): unknown {
  let i = 0;
  const build = (x: unknown): unknown => {
    if (!isSequence(x)) return flat[i++];
    if (Array.isArray(x)) return x.map(build);
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(x).sort()) out[k] = build(x[k]);
    // Keep the caller's key order for printing.
    const ordered: Record<string, unknown> = {};
    for (const k of Object.keys(x)) ordered[k] = out[k];
    return ordered;
  };
  const nLeaves = flatten(structure).length;
  if (nLeaves !== flat.length) {
    throw new ValueError(
      `Could not pack sequence. Structure had ${nLeaves} elements, but flat_sequence had ${flat.length} elements.  Structure: ${pyStr(structure)}, flat_sequence: ${pyStr(flat)}.`,
    );
  }
  return build(structure);
}

/** `f` applied to each leaf, in the same structure (TF's `map_structure` of one structure). */
export function mapStructure(f: (leaf: unknown) => unknown, structure: unknown): unknown {
  return packSequenceAs(structure, flatten(structure).map(f));
}

/** TF's PyObjectToString: `type=list str=[1, 2]`. */
function described(x: unknown): string {
  return `type=${pyClassName(x)} str=${pyStr(x)}`;
}

/**
 * TF's `assert_same_structure`: ValueError (or TypeError when a list meets a dict) with TF's
 * message when `a` and `b` do not nest the same way.
 */
export function assertSameStructure(a: unknown, b: unknown, checkTypes = true): void {
  const problem = difference(a, b, checkTypes);
  if (problem === null) return;
  const message = `The two structures don't have the same nested structure.\n\nFirst structure: ${described(a)}\n\nSecond structure: ${described(b)}\n\nMore specifically: ${problem.message}`;
  throw problem.typeError ? new PyTypeError(message) : new ValueError(message);
}

function difference(a: unknown, b: unknown, checkTypes: boolean): { message: string; typeError: boolean } | null {
  const seqA = isSequence(a);
  const seqB = isSequence(b);
  if (seqA !== seqB) {
    const [seq, leaf] = seqA ? [a, b] : [b, a];
    return { message: `Substructure "${described(seq)}" is a sequence, while substructure "${described(leaf)}" is not`, typeError: false };
  }
  if (!seqA) return null;
  const listA = Array.isArray(a);
  if (checkTypes && listA !== Array.isArray(b)) {
    return {
      message: `The two namedtuples don't have the same sequence type. First structure ${described(a)} has type ${pyClassName(a)}, while second structure ${described(b)} has type ${pyClassName(b)}`,
      typeError: true,
    };
  }
  if (checkTypes && !listA) {
    const ka = Object.keys(a as object);
    const kb = Object.keys(b as object);
    if (ka.length !== kb.length || ka.some((k) => !kb.includes(k))) {
      return {
        message: `The two dictionaries don't have the same set of keys. First structure has keys ${described(ka)}, while second structure has keys ${described(kb)}`,
        typeError: false,
      };
    }
  }
  const ca = children(a as unknown[]);
  const cb = children(b as unknown[]);
  for (let i = 0; i < Math.min(ca.length, cb.length); i++) {
    const d = difference(ca[i], cb[i], checkTypes);
    if (d !== null) return d;
  }
  if (ca.length !== cb.length) {
    return {
      message: `The two structures don't have the same number of elements. First structure: ${described(a)}. Second structure: ${described(b)}`,
      typeError: false,
    };
  }
  return null;
}
