/** Pyodide's Emscripten module factory, as text (python.worker.ts evaluates it untouched). */
declare module "pyodide/pyodide.asm.mjs?raw" {
  const source: string;
  export default source;
}
