/**
 * How TF 1.15's Python wrappers of the convolution and pooling ops read their arguments:
 * `_get_sequence` (1, 2 or 4 numbers for NHWC's H and W), `_convert_padding` (a string or
 * explicit [before, after] pairs), and the generated wrappers' `make_int` / `make_str` and
 * op-def checks, each with TF's error text.
 */
import { NDArray } from "../ndarray.js";
import { PyTypeError, ValueError } from "../errors.js";
import { unbox } from "../pyfloat.js";
import { pyRepr } from "../format/python.js";

export type IntList = number | readonly number[] | null;
export type PaddingArg = string | readonly (readonly number[])[];

/** Python's `int(v)` as `_execute.make_int` applies it, with its TypeError. */
export function makeInt(v: unknown, arg: string): number {
  const u = unbox(v as number);
  if (typeof u === "boolean") return u ? 1 : 0;
  if (typeof u !== "number" || !Number.isFinite(u)) throw new PyTypeError(`Expected int for argument '${arg}' not ${pyRepr(v)}.`);
  return Math.trunc(u);
}

/** Python's `len`-able values: lists, tuples (JS arrays) and numpy arrays. */
function sizedItems(v: unknown): unknown[] | null {
  if (Array.isArray(v)) return v;
  if (v instanceof NDArray) return v.shape.length === 0 ? null : Array.from(v.data as ArrayLike<number>);
  return null;
}

/**
 * TF's `_get_sequence`: a number or a 1-, 2- or 4-long list for NHWC's H and W, as the 4
 * values the op's attr takes (`[1, h, w, 1]`).
 * @example
 * getSequence(2, "strides") // [1, 2, 2, 1]
 */
export function getSequence(value: unknown, name: string): number[] {
  let items: unknown[];
  if (value === null || value === undefined) items = [1];
  else items = sizedItems(value) ?? [value];
  if (items.length === 4) return items.map((v) => makeInt(v, name));
  if (items.length === 1) items = [items[0], items[0]];
  else if (items.length !== 2) throw new ValueError(`${name} should be of length 1, 2 or 4 but was ${items.length}`);
  return [1, makeInt(items[0], name), makeInt(items[1], name), 1];
}

/** The generated wrapper's `make_str`, then the op def's allowed values. */
export function stringAttr(v: unknown, attr: string, opType: string, allowed: readonly string[]): string {
  if (typeof v !== "string") throw new PyTypeError(`Expected string for argument '${attr}' not ${pyRepr(v)}.`);
  if (!allowed.includes(v)) throw new ValueError(`Attr '${attr}' of '${opType}' Op passed string '${v}' not in: "${allowed.join('", "')}".`);
  return v;
}

/** TF's `_convert_padding`: a padding string, or a list of [before, after] pairs as EXPLICIT. */
export function convertPadding(padding: unknown): { padding: unknown; explicit: number[] } {
  if (padding === "EXPLICIT") {
    throw new ValueError('"EXPLICIT" is not a valid value for the padding parameter. To use explicit padding, the padding parameter must be a list.');
  }
  if (!Array.isArray(padding)) return { padding, explicit: [] };
  const explicit: number[] = [];
  padding.forEach((pair: unknown, i) => {
    if (!Array.isArray(pair)) {
      throw new ValueError(`When padding is a list, each element of padding must be a list/tuple of size 2. Element with index ${i} of padding is not a list/tuple`);
    }
    if (pair.length !== 2) {
      throw new ValueError(`When padding is a list, each element of padding must be a list/tuple of size 2. Element with index ${i} of padding has size ${pair.length}`);
    }
    explicit.push(makeInt(pair[0], "explicit_paddings"), makeInt(pair[1], "explicit_paddings"));
  });
  if (padding.length !== 4) throw new ValueError(`When padding is a list, it must be of size 4. Got padding of size: ${padding.length}`);
  return { padding: "EXPLICIT", explicit };
}

/** `_get_sequence` for channels-first formats: `[1, 1, h, w]`. */
export function nchwSequence(v: unknown, name: string): number[] {
  const s = getSequence(v, name);
  const given = sizedItems(v);
  return given !== null && given.length === 4 ? s : [1, 1, s[1], s[2]];
}

/** The generated wrappers' list attrs (`strides`, `dilations`): a list of ints, as given. */
export function intListAttr(v: unknown, attr: string, fname: string): number[] {
  const items = Array.isArray(v) ? v : null;
  if (items === null) throw new PyTypeError(`Expected list for '${attr}' argument to '${fname}' Op, not ${pyRepr(v)}.`);
  return items.map((x) => makeInt(x, attr));
}

