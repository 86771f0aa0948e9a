/**
 * Python for the playground: a Pyodide interpreter with the playground's Python modules
 * (`tensorflow`, `numpy`, and `_tfpy` behind them) installed in its file system.
 *
 * Loading Pyodide is the caller's job (the worker loads it from the app's own files, the CLI
 * from node_modules): this module only prepares a loaded interpreter, so it runs unchanged in
 * both places.
 */
import type { PyodideAPI } from "pyodide";
import type { EndEvent } from "../events";
import type { RunProgramOptions } from "../run_program";
import { runPython } from "./run_python";

/** Python source files by path relative to the modules' root (`tensorflow/__init__.py`). */
export type PythonSources = Record<string, string>;

/** A prepared interpreter; one program runs at a time in it (runPython). */
export interface PythonRuntime {
  readonly pyodide: PyodideAPI;
  /** Runs one program (runProgram calls it for `language: "python"`). */
  run(source: string, options: RunProgramOptions, seed: number): Promise<EndEvent>;
}

/** Where the playground's modules live in Pyodide's file system. */
export const PYTHON_LIB_DIR = "/playground";

/**
 * Installs the playground's modules in a loaded Pyodide and imports what every run needs, so
 * the first run is not slower than the next.
 * @example
 * const rt = preparePython(await loadPyodide({ indexURL }), pythonSourcesFromDisk());
 */
export function preparePython(pyodide: PyodideAPI, sources: PythonSources): PythonRuntime {
  const fs = pyodide.FS as { mkdirTree(path: string): void; writeFile(path: string, data: string): void };
  for (const [path, text] of Object.entries(sources)) {
    const full = `${PYTHON_LIB_DIR}/${path}`;
    fs.mkdirTree(full.slice(0, full.lastIndexOf("/")));
    fs.writeFile(full, text);
  }
  pyodide.runPython(
    `import sys\nsys.path.insert(0, ${JSON.stringify(PYTHON_LIB_DIR)})\nimport io, linecache, math, random, struct, tokenize, traceback, types\nsys.dont_write_bytecode = True`,
  );
  const rt: PythonRuntime = { pyodide, run: (source, options, seed) => runPython(rt, source, options, seed) };
  return rt;
}
