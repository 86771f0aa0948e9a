/**
 * The lesson-check worker: runs one program with the runner, as the program worker does, and
 * answers with each task's check outcome. Locked down the same way (no network), and one
 * check per worker: the page gives every check a fresh one.
 *
 * The checks are evaluated in the realm the program ran in, after it ran, so the built-ins
 * that code relies on are frozen first (hardenForChecks): a program cannot patch
 * `Promise.prototype.then` or `Array.prototype.every` to pass its own checks.
 */
import { lockDown } from "../../worker/lockdown";
import { hardenForChecks } from "../../worker/harden";
import { runAndCheckTasks } from "../run_checks";
import type { CheckReply, CheckRequest } from "./check_protocol";

const post = lockDown(self as unknown as typeof globalThis);
hardenForChecks();

async function check(m: CheckRequest): Promise<void> {
  const { end, outcomes } = await runAndCheckTasks(m.source, m.tasks, m.seed);
  const reply: CheckReply = { type: "checked", id: m.id, outcomes, end };
  post(reply);
}

const onCheck = (event: MessageEvent<CheckRequest>) => {
  if (!event.isTrusted || event.data?.type !== "check") return;
  self.removeEventListener("message", onCheck);
  void check(event.data);
};
self.addEventListener("message", onCheck);
