/**
 * The CLI's human-readable lines for events that are not program output.
 */
import type { DiagnosticEvent, EndEvent } from "../events";

/** The line `--hints` writes for a diagnostic. */
export function hintText(d: DiagnosticEvent): string {
  return `hint [${d.code}]${d.line === null ? "" : ` line ${d.line}`}: ${d.message}`;
}

/**
 * The text written for a failed program: its first line is `ErrorName: message`, as TF's;
 * then where it was raised, when known (`    at prog.ts:3`).
 */
export function endErrorText(end: EndEvent, file: string): string {
  if (!end.error) return "";
  const { type, message, line } = end.error;
  return `${type}: ${message}` + (line === undefined ? "" : `\n    at ${file}:${line}`);
}
