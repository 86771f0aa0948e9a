/**
 * The program worker's entry: locks the scope down, then runs each `start` message's program
 * with the same runner as `npm run play`. One worker runs one program: Stop terminates it.
 */
import { runProgram } from "../runner/run_program";
import { createHandler } from "./handler";
import { lockDown } from "./lockdown";
import type { FromWorker, ToWorker } from "./protocol";

// Before anything else: user code must never see the network or the real postMessage.
const post = lockDown(self as unknown as typeof globalThis);

const handle = createHandler({
  post: (m: FromWorker) => post(m),
  run: runProgram,
  now: () => performance.now(),
  schedule: (fn, ms) => void setTimeout(fn, ms),
});

self.addEventListener("message", (event: MessageEvent<ToWorker>) => {
  void handle(event.data);
});
