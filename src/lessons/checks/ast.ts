/**
 * The parsed form of a lesson check. Plain data (no functions, no RegExp objects), so that a
 * parsed lesson can cross `postMessage` and be compared or hashed like any other value.
 */

/** How many of something a check asks for: `min..max` (max may be Infinity). */
export interface Count {
  min: number;
  max: number;
  /** The count in words for messages: `4`, `at least 2`, `none`. */
  words: string;
}

/** A value a check compares a tensor's value with. Nested lists for arrays. */
export type Value = number | boolean | string | Value[];

/** An expected value: exact (to float32 precision) or approximate within a tolerance. */
export interface ValueSpec {
  value: Value;
  approx: boolean;
  /** Absolute tolerance for `about` (`± 0.01`); absent means the default. */
  tolerance?: number;
}

/**
 * Which runs a runs-check talks about: `run #1` and `the second run` (index 1, numbered from
 * #0 as the Runs panel shows them), `the last run`, `some run`, `2 runs`...
 */
export type RunSelector =
  | { kind: "index"; index: number; words: string }
  | { kind: "last" }
  | { kind: "some" }
  | { kind: "every" }
  | { kind: "count"; count: Count };

/** One thing a run does or does not do: each verb's arguments are declared with it (verbs.ts). */
export type { RunPredicate } from "./verbs";
import type { RunPredicate } from "./verbs";

/** The relation between two nodes an edge-check asks about. */
export type EdgeKind = "reads" | "writes" | "waits-for";

/** Which stream an output check reads. */
export type Stream = "stdout" | "stderr";

/** What an output check asks of a stream. */
export type OutputTest =
  | { test: "is"; expected: string }
  | { test: "is-empty" }
  | { test: "contains"; expected: string }
  | { test: "has-line"; expected: string }
  | { test: "matches"; source: string; flags: string }
  | { test: "line-count"; count: Count };

/** The meaning of one check line. */
export type CheckBody =
  | { kind: "graph-count"; count: Count; op?: string; named?: string }
  | { kind: "edge"; from: string; edge: EdgeKind; to: string; negated: boolean }
  | { kind: "order"; first: string; second: string }
  | { kind: "run-count"; count: Count }
  | { kind: "session-count"; count: Count }
  | { kind: "runs"; selector: RunSelector; predicates: RunPredicate[] }
  | ({ kind: "output"; stream: Stream; negated: boolean } & OutputTest)
  | { kind: "diagnostic"; code: string | null; reported: boolean; about?: string }
  | { kind: "program"; ok: boolean; error?: string; saying?: string };

/** One check line of a lesson, parsed. */
export type Check = CheckBody & {
  /** The line as written (trimmed), for messages. */
  text: string;
  /** 1-based line in the lesson file (or in the check text when parsed alone). */
  line: number;
};
