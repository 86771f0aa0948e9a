/**
 * Messages between the page and the lesson-check worker. The check worker runs the learner's
 * program a second time, with the same seed as the program worker, so that checks read the
 * *whole* event stream (the page only receives a summary of long runs). Replies are checked
 * against a closed schema before the page believes them. The Python check worker is first sent
 * Pyodide's files (`boot`, as the Python program worker), and says when Python is ready and the
 * check starts (`started`): its time limit runs from there, not from the several seconds of
 * booting.
 */
import type { EndEvent } from "../../runner/events";
import type { BootMessage } from "../../worker/protocol";
import { arr, bool, int, lit, obj, str } from "../../worker/schema";
import type { TaskChecks, TaskOutcome } from "../run_checks";

export interface CheckRequest {
  type: "check";
  id: number;
  source: string;
  seed: number;
  tasks: TaskChecks[];
}

/** What the page sends a check worker (`boot`: the Python one only). */
export type ToCheckWorker = CheckRequest | BootMessage;

/** The Python check worker has booted and runs check `id`. */
export interface CheckStarted {
  type: "started";
  id: number;
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

const started = obj({ type: lit("started"), id: int });

/** Whether `data` says that check `id` started (the Python check worker). */
export function isCheckStarted(data: unknown, id: number): boolean {
  return started(data) === null && (data as CheckStarted).id === id;
}

/** The reply to check `id`, or null for anything else (another check's reply, a malformed message). */
export function parseCheckReply(data: unknown, id: number): CheckReply | null {
  if (reply(data) !== null) return null;
  const m = data as CheckReply;
  return m.id === id ? m : null;
}
