/**
 * The page's side of Python programs: the same ProgramClient as TypeScript's (a fresh worker
 * per run, a spare prepared in the background), with the Python worker, which the page boots
 * with Pyodide's files. This module is loaded only when Python is chosen, so the TypeScript
 * user downloads none of it.
 */
import type { ToWorker } from "./protocol";
import { showBanner, useStore } from "../store";
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

const LOADING = "Loading Python (Pyodide: about 12 MB the first time, then cached by the browser)…";

/** Says that the run waits for Python to boot (the first time it takes several seconds). */
function showLoading(): void {
  const timer = setTimeout(() => {
    if (waiting) showBanner({ kind: "info", text: LOADING });
  }, 300);
  waiting = () => clearTimeout(timer);
}

let waiting: (() => void) | null = null;

function hideLoading(): void {
  waiting?.();
  waiting = null;
  if (useStore.getState().ui.banner?.text === LOADING) showBanner(null);
}

/** The client that runs Python programs. */
export function pythonClient(): ProgramClient {
  client ??= new ProgramClient(pythonWorker, true, { waiting: showLoading, ready: hideLoading });
  return client;
}

/** Starts loading Pyodide and boots the first spare Python worker. */
export function warmUpPythonClient(): void {
  prepareSandbox(pythonWorkerUrl);
  pythonClient().prepare();
}
