/**
 * What the page needs for Python lesson checks, loaded with `import()` once a Python program is
 * checked: the Python check worker's address and Pyodide's files (shared with the program
 * worker's, loaded once per page). The TypeScript user downloads none of it.
 */
import pythonCheckWorkerUrl from "./python_check.worker?worker&url";

export { loadPythonAssets } from "../../worker/python_assets";
export { pythonCheckWorkerUrl };
