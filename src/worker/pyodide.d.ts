/** Pyodide's Emscripten module factory, as text (python.worker.ts evaluates it untouched). */
declare module "pyodide/pyodide.asm.mjs?raw" {
  const source: string;
  export default source;
}

/** The bytes of Pyodide's wasm and standard library together (vite.config.ts measures them at build time). */
declare const __PYODIDE_BYTES__: number;
