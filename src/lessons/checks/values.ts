/**
 * Comparing a check's expected value with a run's value summary, and showing both.
 */
import type { ArraySummary, ValueSummary } from "../../../engine";
import type { Value, ValueSpec } from "./ast";

/** Exact comparisons allow float32 rounding: 2.0 fed as float32 may come back as 2.0000000x. */
const EXACT_RELATIVE = 1e-6;
/** `about 0.35` means within 1%, and `about 0` within 0.001. */
const ABOUT_RELATIVE = 0.01;
const ABOUT_FLOOR = 1e-3;

export type Comparison = { ok: true } | { ok: false; why?: string };

function isArraySummary(v: ValueSummary): v is ArraySummary {
  return typeof v === "object" && v !== null;
}

function closeEnough(actual: number, expected: number, spec: ValueSpec): boolean {
  if (Number.isNaN(expected)) return Number.isNaN(actual);
  const tolerance =
    spec.tolerance ?? (spec.approx ? Math.max(ABOUT_RELATIVE * Math.abs(expected), ABOUT_FLOOR) : EXACT_RELATIVE * Math.max(1, Math.abs(expected)));
  return Math.abs(actual - expected) <= tolerance;
}

function sameScalar(actual: number | boolean | string | null, expected: Value, spec: ValueSpec): boolean {
  if (typeof expected === "number") return typeof actual === "number" && closeEnough(actual, expected, spec);
  return actual === expected;
}

/** The shape of a nested list, or null if it is ragged. */
function shapeOf(v: Value): number[] | null {
  if (!Array.isArray(v)) return [];
  if (v.length === 0) return [0];
  const inner = shapeOf(v[0]);
  if (inner === null) return null;
  for (const item of v) {
    const s = shapeOf(item);
    if (s === null || s.join() !== inner.join()) return null;
  }
  return [v.length, ...inner];
}

function flatten(v: Value): Value[] {
  return Array.isArray(v) ? v.flatMap(flatten) : [v];
}

/** Compares one tensor's value summary with the expected value. */
export function compareValue(actual: ValueSummary, spec: ValueSpec): Comparison {
  const expected = spec.value;
  if (!isArraySummary(actual)) return Array.isArray(expected) ? { ok: false } : { ok: sameScalar(actual, expected, spec) };
  if (!Array.isArray(expected)) return { ok: false };
  const shape = shapeOf(expected);
  const flat = flatten(expected);
  // A flat list may stand for any shape with the same number of elements.
  const shapeOk = shape !== null && (shape.join() === actual.shape.join() || (shape.length === 1 && flat.length === actual.size));
  if (!shapeOk) return { ok: false };
  if (actual.size > actual.head.length) {
    return { ok: false, why: `only the first ${actual.head.length} of its ${actual.size} values are recorded, too few to compare` };
  }
  return { ok: flat.every((e, i) => sameScalar(actual.head[i], e, spec)) };
}

/** A number as a learner reads it: float32 noise rounded away (0.30000001 → 0.3). */
export function showNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  return String(Number(n.toPrecision(7)));
}

function showScalar(v: number | boolean | string | null): string {
  if (typeof v === "number") return showNumber(v);
  if (typeof v === "string") return JSON.stringify(v);
  return String(v);
}

/** A value summary as messages show it: `5`, `[1, 2, 3]`, `[1, 2, …] (shape [4, 5])`. */
export function showSummary(v: ValueSummary): string {
  if (!isArraySummary(v)) return showScalar(v);
  const items = v.head.map(showScalar).join(", ");
  const more = v.size > v.head.length ? ", …" : "";
  return v.shape.length === 1 && !more ? `[${items}]` : `[${items}${more}] (shape [${v.shape.join(", ")}])`;
}

/** An expected value as messages show it. */
export function showValue(v: Value): string {
  if (Array.isArray(v)) return `[${v.map(showValue).join(", ")}]`;
  return typeof v === "number" ? showNumber(v) : showScalar(v);
}

/** An expected value with its tolerance: `5`, `about 0.35`, `about 0 ± 0.01`. */
export function showSpec(spec: ValueSpec): string {
  const value = showValue(spec.value);
  if (spec.tolerance !== undefined) return `${value} ± ${showNumber(spec.tolerance)}`;
  return spec.approx ? `about ${value}` : value;
}
