/**
 * What the page's code pulls in, read from the sources' import statements (no build, no timing):
 * the TypeScript-only learner's download must hold no Python-only byte (issue 16: "the
 * TypeScript path must not get slower or heavier"), and no page module may import the engine's
 * barrel (engine/index.ts), which registers every op: the engine runs in the program workers,
 * and one barrel import put ~490 kB of it into the page's entry chunk. The bytes themselves are
 * reported by `npm run bench` (bench/bundle.ts).
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, normalize, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

interface Imports {
  /** Modules loaded with the importer (relative files, resolved; bare packages as their name). */
  static: string[];
  /** Modules loaded later with `import()`. */
  dynamic: string[];
}

/** A relative specifier as a repo path (`src/app/x.ts`); workers and `?url` assets are separate downloads: null. */
function resolveSpec(from: string, spec: string): string | null {
  if (!spec.startsWith(".")) return spec.startsWith("pyodide") ? "pyodide" : null;
  if (/\?(worker|url)|&url/.test(spec)) return null;
  const base = normalize(join(dirname(from), spec.replace(/\?raw$/, ""))).replace(/\.js$/, "");
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, "index.ts")]) {
    if (/\.(tsx?|css|md|json)$/.test(candidate) && existsSync(join(ROOT, candidate))) return candidate;
  }
  throw new Error(`${from}: cannot resolve ${spec}`);
}

/** The code imports of a module (type-only imports left out: they load nothing). */
function importsOf(file: string): Imports {
  if (!/\.tsx?$/.test(file)) return { static: [], dynamic: [] };
  const text = readFileSync(join(ROOT, file), "utf8");
  const out: Imports = { static: [], dynamic: [] };
  const add = (list: string[], spec: string) => {
    const r = resolveSpec(file, spec);
    if (r !== null) list.push(r);
  };
  for (const m of text.matchAll(/^(?:import|export) (?!type )([^;]*?) from "([^"]+)";/gm)) {
    const names = /\{([^}]*)\}/.exec(m[1]);
    const onlyTypes = names !== null && !/^\w/.test(m[1].trim()) && names[1].split(",").every((x) => !x.trim() || x.trim().startsWith("type "));
    if (!onlyTypes) add(out.static, m[2]);
  }
  for (const m of text.matchAll(/^import "([^"]+)";/gm)) add(out.static, m[1]);
  // `import("...")` in code: not in a comment, nor a type (`import("./graph").Tensor`).
  for (const m of text.matchAll(/^(?!\s*(?:\/\/|\*)).*?\bimport\("(\.[^"]+)"\)(\.\w+)?/gm)) if (!m[2] || m[2] === ".then") add(out.dynamic, m[1]);
  return out;
}

/** Python-only modules: loaded only when the learner chooses Python (or pastes a program). */
function pythonOnly(path: string): boolean {
  return path === "pyodide" || /(^|\/)python[^/]*$|\/python\//i.test(path) || path === "src/editor/pythonDetect.ts";
}

/** Every module reachable from `entry`: by static imports only, or also through `import()` (but never into a Python-only module). */
function reachable(entry: string, followDynamic: boolean): Set<string> {
  const seen = new Set<string>();
  const todo = [entry];
  while (todo.length > 0) {
    const file = todo.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const { static: s, dynamic } = importsOf(file);
    todo.push(...s, ...(followDynamic ? dynamic.filter((d) => !pythonOnly(d)) : []));
  }
  return seen;
}

const ENTRY = "src/main.tsx";

describe("the page's imports", () => {
  it("keep every Python-only module out of what a TypeScript learner loads (Python's modules come with import() when Python is chosen)", () => {
    const page = reachable(ENTRY, true);
    expect(page.size).toBeGreaterThan(100);
    // The editor's and the graph's lazy panes are part of it.
    expect(page.has("src/editor/CodeEditor.tsx") && page.has("src/graph/GraphPane.tsx")).toBe(true);
    expect([...page].filter(pythonOnly)).toEqual([]);
  });

  it("load Python's modules only through import(): each is reached once Python's own dynamic imports are followed", () => {
    const dynamicTargets = [...reachable(ENTRY, true)].flatMap((f) => importsOf(f).dynamic).filter(pythonOnly);
    expect(dynamicTargets.sort()).toEqual(["src/app/pythonStarter.ts", "src/editor/bindings/pythonHelp.ts", "src/editor/pythonDetect.ts", "src/lessons/player/python_check_client.ts", "src/worker/python_client.ts", "src/worker/python_client.ts"]);
  });

  it("never import the engine's barrel, which would bring every op into the page (the engine runs in the workers)", () => {
    const page = reachable(ENTRY, true);
    const engine = [...page].filter((f) => f.startsWith("engine/"));
    expect(page.has("engine/index.ts")).toBe(false);
    // What the page does use of the engine: numpy's printing and the checkpoint reader.
    expect(engine.every((f) => /^engine\/(format|numpy)\/|^engine\/[a-z_]+\.ts$/.test(f))).toBe(true);
    expect(engine.some((f) => f.startsWith("engine/ops/") || f.startsWith("engine/api/") || f.startsWith("engine/session/"))).toBe(false);
    expect(relative(ROOT, join(ROOT, ENTRY))).toBe(ENTRY);
  });
});
