/**
 * Loads the Python runtime in Node (the CLI and the tests): Pyodide from node_modules, the
 * playground's modules from disk.
 */
import { createRequire } from "node:module";
import { dirname } from "node:path";
import { preparePython, type PythonRuntime } from "./runtime";
import { pythonSourcesFromDisk } from "./sources_node";

/**
 * A ready Python runtime (a few seconds: Pyodide compiles CPython's wasm and unpacks its
 * standard library).
 * @param lib the directory of the Python modules (default: found next to this module)
 * @example
 * const end = await runProgram(source, { language: "python", python: await loadPythonNode(), emit });
 */
export async function loadPythonNode(lib?: string): Promise<PythonRuntime> {
  const require = createRequire(import.meta.url);
  const indexURL = dirname(require.resolve("pyodide/package.json")) + "/";
  const { loadPyodide } = (await import("pyodide")) as typeof import("pyodide");
  const pyodide = await loadPyodide({ indexURL, jsglobals: {}, stdout: () => undefined, stderr: () => undefined });
  return preparePython(pyodide, pythonSourcesFromDisk(lib));
}
