/**
 * The Python program worker: a fresh Pyodide per run, as the TypeScript worker is a fresh
 * realm per run (program.worker.ts).
 *
 * It boots before the program arrives (the page keeps one spare booted, so Run is quick):
 * the page sends Pyodide's compiled wasm module and its standard library (`boot`), fetched
 * from the app's own files. The worker fetches nothing itself — the sandbox policy allows no
 * fetch at all — so Pyodide's one fetch (the standard library) is answered from memory. Then
 * the worker locks its scope down as the TypeScript worker does, and only then runs the
 * page's `start` message's program.
 */
import { runProgram } from "../runner/run_program";
import type { PythonRuntime } from "../runner/python/runtime";
import { bootPython } from "./python_boot";
import { createHandler } from "./handler";
import { lockDown } from "./lockdown";
import type { FromWorker, PythonAssets, ToWorker } from "./protocol";

let post: ((m: unknown) => void) | null = null;
let booting = false;
let started = false;
let giveAssets: (assets: PythonAssets) => void = () => undefined;
// Python boots when the page's `boot` message arrives (it may come after `start`).
const runtime: Promise<PythonRuntime> = new Promise<PythonAssets>((resolve) => (giveAssets = resolve))
  .then(bootPython)
  .then(
    (rt) => {
      // From here on, nothing in this worker reaches the network or the real postMessage.
      post = lockDown(self as unknown as typeof globalThis);
      // The page says "Starting Python…" until now (docs/python.md).
      post({ type: "booted" } satisfies FromWorker);
      return rt;
    },
    (error: unknown) => {
      post ??= lockDown(self as unknown as typeof globalThis);
      throw error;
    },
  );

const handle = createHandler({
  post: (m: FromWorker) => post?.(m),
  run: async (source, options) => {
    let python: PythonRuntime;
    try {
      python = await runtime;
    } catch (error) {
      const end = { type: "end" as const, ok: false, seed: options.seed, error: { type: "RuntimeError", message: `Python could not start: ${error instanceof Error ? error.message : String(error)}` } };
      options.emit(end);
      return end;
    }
    return runProgram(source, { ...options, language: "python", python });
  },
  now: () => performance.now(),
  schedule: (fn, ms) => void setTimeout(fn, ms),
});

const onMessage = (event: MessageEvent<ToWorker>) => {
  // Only the page's own messages (a program cannot dispatch trusted events).
  if (!event.isTrusted) return;
  const m = event.data;
  if (m.type === "boot" && !booting) {
    booting = true;
    giveAssets(m.python);
    return;
  }
  // One program per worker; the worker keeps listening for `boot`, which the page sends when
  // Pyodide's files are in (after `start` when Run is pressed right after choosing Python).
  if (m.type === "start" && !started) {
    started = true;
    // Python is ready: the page starts the program's time limit from here.
    void runtime.then(
      () => post?.({ type: "at", runId: m.runId, line: null }),
      () => undefined,
    );
    void handle(m);
  }
};
self.addEventListener("message", onMessage);
