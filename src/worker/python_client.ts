/**
 * The page's side of Python programs: the same ProgramClient as TypeScript's (a fresh worker
 * per run, a spare prepared in the background), with the Python worker, which the page boots
 * with Pyodide's files. This module is loaded only when Python is chosen, so the TypeScript
 * user downloads none of it. While Python loads, the banner says how far (python_loading.ts).
 */
import { parseFromWorker, type ToWorker } from "./protocol";
import { ProgramClient } from "./client";
import { prepareSandbox, sandboxedWorker } from "./sandbox/frame";
import { pythonBooted, runStoppedWaiting, runWaitsForPython, startPythonLoading } from "./python_loading";
import pythonWorkerUrl from "./python.worker?worker&url";

let client: ProgramClient | null = null;

/** A Python worker, sent Pyodide's files as soon as the page has them. */
function pythonWorker() {
  const worker = sandboxedWorker<ToWorker>(pythonWorkerUrl, "python");
  // A spare boots before any run: its `booted` comes here (a run's client takes over onmessage).
  worker.onmessage = (event) => {
    const parsed = parseFromWorker(event.data, -1);
    if (parsed.ok && parsed.message.type === "booted") pythonBooted();
  };
  startPythonLoading().then(
    (a) => worker.postMessage({ type: "boot", python: { wasm: a.wasm, stdlib: a.stdlib.slice(0) } }),
    (error: unknown) => worker.onerror?.({ message: `Python could not be loaded: ${error instanceof Error ? error.message : String(error)}` } as ErrorEvent),
  );
  return worker;
}

/** The client that runs Python programs. */
export function pythonClient(): ProgramClient {
  client ??= new ProgramClient(pythonWorker, true, { waiting: runWaitsForPython, ready: runStoppedWaiting, booted: pythonBooted });
  return client;
}

/** Starts loading Pyodide and boots the first spare Python worker. */
export function warmUpPythonClient(): void {
  prepareSandbox(pythonWorkerUrl);
  pythonClient().prepare();
}
