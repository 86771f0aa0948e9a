/**
 * Messages between the page and the lesson-check worker. The check worker runs the learner's
 * program a second time, with the same seed as the program worker, so that checks read the
 * *whole* event stream (the page only receives a summary of long runs). Replies are checked
 * against a closed schema before the page believes them.
 */
import type { EndEvent } from "../../runner/events";
import { arr, bool, int, lit, obj, str } from "../../worker/schema";
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

const reply = obj({
  type: lit("checked"),
  id: int,
  outcomes: arr(obj({ task: str(1000), passed: bool, failures: arr(str(100_000), 10_000) }), 10_000),
  end: obj({ type: lit("end"), ok: bool, seed: int }, { error: obj({ type: str(1000), message: str() }, { line: int }) }),
});

/** The reply to check `id`, or null for anything else (another check's reply, a malformed message). */
export function parseCheckReply(data: unknown, id: number): CheckReply | null {
  if (reply(data) !== null) return null;
  const m = data as CheckReply;
  return m.id === id ? m : null;
}
