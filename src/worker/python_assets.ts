/**
 * Pyodide's files, from the app's own origin (Vite copies them into the build with hashed
 * names, so the browser caches them for good after the first visit): CPython compiled to
 * wasm, compiled once per page and shared with every Python worker, and the standard library.
 */
import wasmUrl from "pyodide/pyodide.asm.wasm?url";
import stdlibUrl from "pyodide/python_stdlib.zip?url";
import type { PythonAssets } from "./protocol";

let assets: Promise<PythonAssets> | null = null;

async function fetchOk(url: string): Promise<Response> {
  const r = await fetch(url);
  if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
  return r;
}

async function compileWasm(url: string): Promise<WebAssembly.Module> {
  try {
    return await WebAssembly.compileStreaming(fetchOk(url));
  } catch {
    // A host that serves .wasm without its MIME type: compile from the bytes instead.
    return WebAssembly.compile(await (await fetchOk(url)).arrayBuffer());
  }
}

/** Pyodide's wasm module and standard library (loaded once; a failure is retried next time). */
export function loadPythonAssets(): Promise<PythonAssets> {
  assets ??= Promise.all([compileWasm(wasmUrl), fetchOk(stdlibUrl).then((r) => r.arrayBuffer())]).then(([wasm, stdlib]) => ({ wasm, stdlib }));
  assets.catch(() => (assets = null));
  return assets;
}
