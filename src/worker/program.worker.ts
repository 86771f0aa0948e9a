/**
 * The program worker's entry: locks the scope down, then runs the page's `start` message's
 * program with the same runner as `npm run play`. One worker runs one program: the page
 * gives every run a fresh worker and terminates it when the program ends or is stopped.
 */
import { runProgram } from "../runner/run_program";
import { createHandler } from "./handler";
import { lockDown } from "./lockdown";
import type { FromWorker, ToWorker } from "./protocol";

// Before anything else: user code must never see the network or the real postMessage.
let post = lockDown(self as unknown as typeof globalThis);

const handle = createHandler({
  post: (m: FromWorker) => post(m),
  run: runProgram,
  now: () => performance.now(),
  schedule: (fn, ms) => void setTimeout(fn, ms),
});

const onStart = (event: MessageEvent<ToWorker>) => {
  // Only the page's first message: a program cannot start another one in its own worker by
  // dispatching a synthetic message event (not trusted).
  if (!event.isTrusted) return;
  self.removeEventListener("message", onStart);
  // The page's channel (protocol.ts StartMessage.port): its messages arrive as the page's own
  // objects. Bound now, before the program runs, so a patched MessagePort.prototype changes
  // nothing; the program never sees the port.
  const port = event.data.type === "start" ? event.data.port : undefined;
  if (port !== undefined) post = MessagePort.prototype.postMessage.bind(port) as (m: unknown) => void;
  void handle(event.data);
};
self.addEventListener("message", onStart);
