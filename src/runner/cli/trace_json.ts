/**
 * One event as one line of the trace. JSON has no NaN or Infinity, and `JSON.stringify` would
 * silently write them as `null`; a diverging loss must stay visible, so they become the strings
 * "NaN", "Infinity" and "-Infinity".
 */
import type { ProgramEvent } from "../events";
import type { OmittedLine } from "./trace_cap";

/** A line of the trace: an event, or a line saying what the trace left out. */
export type TraceItem = ProgramEvent | OmittedLine | { type: "omitted"; what: "tail"; reason: string };

function nonFinite(_key: string, value: unknown): unknown {
  return typeof value === "number" && !Number.isFinite(value) ? String(value) : value;
}

/** The item as a JSON line (with its newline). */
export function traceLine(item: TraceItem): string {
  return JSON.stringify(item, nonFinite) + "\n";
}
