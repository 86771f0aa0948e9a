/**
 * Vite plugin: the virtual module `virtual:tf-engine-types`, the engine's declarations for the
 * editor, generated from engine/ at build time (and on engine changes in dev).
 *
 * `tsc -p tsconfig.engine.json --declaration --emitDeclarationOnly` writes one .d.ts per engine
 * module, with the JSDoc. One exception: tf.d.ts inlines the `tf` namespace's type and loses
 * the per-function docs, so engine/tf.ts itself is shipped as source; its `bindApi(ctx, core)`
 * members then resolve to api/tf/*.d.ts, whose exports carry their JSDoc (hover docs).
 *
 * The module's default export maps file:///node_modules/tf-engine/<path> → file text.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import type { Plugin } from "vite";

const VIRTUAL = "virtual:tf-engine-types";
const RESOLVED = "\0" + VIRTUAL;
export const ENGINE_TYPES_ROOT = "file:///node_modules/tf-engine/";

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...listFiles(p));
    else out.push(p);
  }
  return out;
}

/** Generates the engine's declarations; returns path → text. */
export function generateEngineTypes(root: string): Record<string, string> {
  const out = mkdtempSync(join(tmpdir(), "tf-engine-dts-"));
  try {
    const tsc = resolve(root, "node_modules/.bin/tsc");
    try {
      execFileSync(tsc, ["-p", "tsconfig.engine.json", "--declaration", "--emitDeclarationOnly", "--noEmit", "false", "--rootDir", "engine", "--outDir", out], {
        cwd: root,
        stdio: "pipe",
      });
    } catch {
      // tsc exits non-zero on type errors but still writes every declaration; the engine's
      // own type check (npm run typecheck) is where those errors are reported.
    }
    const files: Record<string, string> = {};
    for (const p of listFiles(out)) {
      const rel = relative(out, p).split("\\").join("/");
      if (!rel.endsWith(".d.ts") || rel.endsWith(".test.d.ts") || rel === "tf.d.ts") continue;
      files[ENGINE_TYPES_ROOT + rel] = readFileSync(p, "utf8");
    }
    if (Object.keys(files).length === 0) throw new Error("tsc wrote no engine declarations");
    files[ENGINE_TYPES_ROOT + "tf.ts"] = readFileSync(resolve(root, "engine/tf.ts"), "utf8");
    return files;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

export function tfTypesPlugin(): Plugin {
  let root = process.cwd();
  return {
    name: "tf-engine-types",
    configResolved(config) {
      root = config.root;
    },
    resolveId(id) {
      return id === VIRTUAL ? RESOLVED : undefined;
    },
    load(id) {
      if (id !== RESOLVED) return undefined;
      for (const p of listFiles(resolve(root, "engine"))) if (p.endsWith(".ts")) this.addWatchFile(p);
      return `export default ${JSON.stringify(generateEngineTypes(root))};`;
    },
  };
}
