/**
 * The Python modules of lib/, bundled into the Python worker by Vite (the CLI and the tests
 * read them from disk: sources_node.ts).
 */
import type { PythonSources } from "./runtime";

const files = import.meta.glob("./lib/**/*.py", { query: "?raw", import: "default", eager: true }) as Record<string, string>;

/** Every `.py` file under lib/, by its path relative to lib/. */
export const pythonSources: PythonSources = Object.fromEntries(Object.entries(files).map(([path, text]) => [path.replace(/^\.\/lib\//, ""), text]));
