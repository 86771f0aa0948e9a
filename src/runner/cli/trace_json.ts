/**
 * One event as one line of the trace. JSON has no NaN or Infinity, and `JSON.stringify` would
 * silently write them as `null`; a diverging loss must stay visible, so they become the strings
 * "NaN", "Infinity" and "-Infinity".
 */
import type { ProgramEvent } from "../events";

function nonFinite(_key: string, value: unknown): unknown {
  return typeof value === "number" && !Number.isFinite(value) ? String(value) : value;
}

/** The event as a JSON line (with its newline). */
export function traceLine(event: ProgramEvent): string {
  return JSON.stringify(event, nonFinite) + "\n";
}
