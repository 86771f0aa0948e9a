/**
 * The Python modules of lib/ read from disk (Node: the CLI and the tests). The worker bundles
 * the same files with Vite (sources_vite.ts).
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import type { PythonSources } from "./runtime";

const LIB = fileURLToPath(new URL("./lib/", import.meta.url));

/**
 * Every `.py` file under lib/, by its path relative to lib/ (`tensorflow/__init__.py`).
 * @param lib the lib/ directory (default: next to this module; a bundle that moved this code
 *   elsewhere, like the bench's, passes it)
 */
export function pythonSourcesFromDisk(lib: string = LIB): PythonSources {
  const out: PythonSources = {};
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith(".py")) out[relative(lib, p)] = readFileSync(p, "utf8");
    }
  };
  walk(lib);
  return out;
}
