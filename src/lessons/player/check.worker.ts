/**
 * The lesson-check worker: runs a program with the runner, as the program worker does, and
 * answers with each task's check outcome. Locked down the same way: user code gets no network.
 */
import { lockDown } from "../../worker/lockdown";
import { runAndCheckTasks } from "../run_checks";
import type { CheckReply, CheckRequest } from "./check_protocol";

const post = lockDown(self as unknown as typeof globalThis);

self.addEventListener("message", (event: MessageEvent<CheckRequest>) => {
  const m = event.data;
  if (m?.type !== "check") return;
  void runAndCheckTasks(m.source, m.tasks, m.seed).then(({ end, outcomes }) => {
    const reply: CheckReply = { type: "checked", id: m.id, outcomes, end };
    post(reply);
  });
});
