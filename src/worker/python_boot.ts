/**
 * Boots Pyodide inside a worker from the page's copy of its files (the `boot` message's
 * PythonAssets): the program worker (python.worker.ts) and the lesson-check worker
 * (src/lessons/player/python_check.worker.ts) both start Python this way. The worker
 * fetches nothing itself — the sandbox policy allows no fetch at all — so Pyodide's one fetch
 * (the standard library) is answered from memory.
 */
import { loadPyodide } from "pyodide";
import asmSource from "pyodide/pyodide.asm.mjs?raw";
import { preparePython, type PythonRuntime } from "../runner/python/runtime";
import { pythonSources } from "../runner/python/sources_vite";
import type { PythonAssets } from "./protocol";

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

/**
 * A ready Python runtime from the page's copy of Pyodide's files, fetching nothing.
 * @example
 * const python = await bootPython(message.python); // then lockDown(self)
 */
export async function bootPython(assets: PythonAssets): Promise<PythonRuntime> {
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
