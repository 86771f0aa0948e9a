/**
 * Messages between the page and the lesson-check worker. The check worker runs the learner's
 * program a second time, with the same seed as the program worker, so that checks read the
 * *whole* event stream (the page only receives a summary of long runs).
 */
import type { EndEvent } from "../../runner/events";
import type { TaskChecks, TaskOutcome } from "../run_checks";

export interface CheckRequest {
  type: "check";
  id: number;
  source: string;
  seed: number;
  tasks: TaskChecks[];
}

export interface CheckReply {
  type: "checked";
  id: number;
  outcomes: TaskOutcome[];
  end: EndEvent;
}

export function isCheckReply(data: unknown): data is CheckReply {
  if (typeof data !== "object" || data === null) return false;
  const m = data as Partial<CheckReply>;
  return m.type === "checked" && typeof m.id === "number" && Array.isArray(m.outcomes);
}
