/**
 * The page's side of Python programs: the same ProgramClient as TypeScript's (a fresh worker
 * per run, a spare prepared in the background), with the Python worker, which the page boots
 * with Pyodide's files. This module is loaded only when Python is chosen, so the TypeScript
 * user downloads none of it.
 */
import type { ToWorker } from "./protocol";
import { ProgramClient } from "./client";
import { prepareSandbox, sandboxedWorker } from "./sandbox/frame";
import { loadPythonAssets } from "./python_assets";
import pythonWorkerUrl from "./python.worker?worker&url";

let client: ProgramClient | null = null;

/** A Python worker, sent Pyodide's files as soon as the page has them. */
function pythonWorker() {
  const worker = sandboxedWorker<ToWorker>(pythonWorkerUrl, "python");
  loadPythonAssets().then(
    (a) => worker.postMessage({ type: "boot", python: { wasm: a.wasm, stdlib: a.stdlib.slice(0) } }),
    (error: unknown) => worker.onerror?.({ message: `Python could not be loaded: ${error instanceof Error ? error.message : String(error)}` } as ErrorEvent),
  );
  return worker;
}

/** The client that runs Python programs. */
export function pythonClient(): ProgramClient {
  client ??= new ProgramClient(pythonWorker, true);
  return client;
}

/** Starts loading Pyodide and boots the first spare Python worker. */
export function warmUpPythonClient(): void {
  prepareSandbox(pythonWorkerUrl);
  pythonClient().prepare();
}
