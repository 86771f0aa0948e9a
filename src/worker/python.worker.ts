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
import { loadPyodide } from "pyodide";
import asmSource from "pyodide/pyodide.asm.mjs?raw";
import { runProgram } from "../runner/run_program";
import { preparePython, type PythonRuntime } from "../runner/python/runtime";
import { pythonSources } from "../runner/python/sources_vite";
import { createHandler } from "./handler";
import { lockDown } from "./lockdown";
import type { FromWorker, PythonAssets, ToWorker } from "./protocol";

/** The lock file Pyodide wants at start-up: no packages (the standard library is all we load). */
const LOCK_FILE = JSON.stringify({ info: { abi_version: "2026_0", arch: "wasm32", platform: "emscripten_5_0_3", python: "3.14.2" }, packages: {} });

/**
 * Pyodide's Emscripten module factory, evaluated from its untouched source: bundling would
 * rename the names its generated code finds by name. (An ES module's text run as a function
 * body: `import.meta.url` is the worker's own address, the export is returned.)
 */
function moduleFactory(): (settings: Record<string, unknown>) => Promise<unknown> {
  const body = asmSource.replace(/import\.meta\.url/g, "self.location.href").replace(/export default _createPyodideModule;\s*$/, "return _createPyodideModule;");
  return new Function(`"use strict";\n${body}`)() as (settings: Record<string, unknown>) => Promise<unknown>;
}

async function boot(assets: PythonAssets): Promise<PythonRuntime> {
  const createPyodideModule = moduleFactory();
  const scope = self as unknown as { fetch: typeof fetch };
  const realFetch = scope.fetch;
  const realStreaming = WebAssembly.instantiateStreaming;
  // Pyodide fetches its two files by URL: the standard library is answered from the page's
  // copy, and CPython is instantiated from the module the page compiled.
  scope.fetch = (async (url: RequestInfo | URL) =>
    String(url).endsWith(".wasm") ? new Response(null) : new Response(assets.stdlib, { headers: { "Content-Type": "application/zip" } })) as typeof fetch;
  WebAssembly.instantiateStreaming = (async (_response: unknown, imports?: WebAssembly.Imports) => ({
    module: assets.wasm,
    instance: await WebAssembly.instantiate(assets.wasm, imports),
  })) as typeof WebAssembly.instantiateStreaming;
  const logged: string[] = [];
  const realError = console.error;
  console.error = (...a: unknown[]) => void logged.push(a.map(String).join(" "));
  try {
    const pyodide = await loadPyodide({
      // Never fetched (the files come from the page); an absolute URL, as a blob worker has no base.
      indexURL: "https://pyodide.invalid/",
      lockFileContents: LOCK_FILE,
      jsglobals: {},
      stdout: (t: string) => void logged.push(t),
      stderr: (t: string) => void logged.push(t),
      createPyodideModule: createPyodideModule as never,
    });
    return preparePython(pyodide, pythonSources);
  } catch (error) {
    // Pyodide reports what went wrong while booting on the console: keep it in the error.
    throw new Error(`${error instanceof Error ? error.message : String(error)}${logged.length ? ` (${logged.join("; ").slice(0, 2000)})` : ""}`);
  } finally {
    scope.fetch = realFetch;
    WebAssembly.instantiateStreaming = realStreaming;
    console.error = realError;
  }
}

let post: ((m: unknown) => void) | null = null;
let booting = false;
let started = false;
let giveAssets: (assets: PythonAssets) => void = () => undefined;
// Python boots when the page's `boot` message arrives (it may come after `start`).
const runtime: Promise<PythonRuntime> = new Promise<PythonAssets>((resolve) => (giveAssets = resolve))
  .then(boot)
  .then(
    (rt) => {
      // From here on, nothing in this worker reaches the network or the real postMessage.
      post = lockDown(self as unknown as typeof globalThis);
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
