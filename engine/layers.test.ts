/**
 * The engine's layers (engine/README.md): values → ops → graph → session → api → tf. A module
 * imports code (type-only imports aside) from its own layer or the ones before it, never
 * after: ops do not build with the API, the session does not call it.
 */
import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, normalize, relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL(".", import.meta.url));
const LAYERS = ["values", "ops", "graph", "session", "api", "tf"] as const;

function layerOf(rel: string): number {
  const top = rel.split("/")[0];
  if (rel === "tf.ts" || rel === "index.ts") return 5;
  if (["api", "gradients", "train"].includes(top) || rel === "variables.ts" || rel === "variable_scope.ts") return 4;
  if (top === "session") return 3;
  if (["graph.ts", "graph_elements.ts", "node_record.ts", "context.ts", "flow_context.ts", "sparse_tensor.ts", "tensor_indexing.ts"].includes(rel)) return 2;
  // graph.ts's own parts (graph_control_deps.ts, graph_lookup.ts, graph_new_op.ts, ...).
  if (/^graph_[a-z_]+\.ts$/.test(rel)) return 2;
  if (rel === "op.ts" || top === "ops") return 1;
  return 0;
}

function sources(d: string): string[] {
  return readdirSync(d).flatMap((n) => {
    const p = join(d, n);
    if (statSync(p).isDirectory()) return n === "testing" || n === "cases" ? [] : sources(p);
    return n.endsWith(".ts") && !n.endsWith(".test.ts") && !n.endsWith(".md") ? [p] : [];
  });
}

/** The relative modules a file imports code from (statements or specifiers marked `type` left out). */
function codeImports(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/^(?:import|export) (?!type )([^;]*?) from "(\.[^"]+)";/gm)) {
    const names = /\{([^}]*)\}/.exec(m[1]);
    const onlyTypes = names !== null && !/^\w/.test(m[1].trim()) && names[1].split(",").every((x) => !x.trim() || x.trim().startsWith("type "));
    if (!onlyTypes) out.push(m[2]);
  }
  return out;
}

describe("the engine's layers", () => {
  it("import code only from their own layer or an earlier one", () => {
    const upward: string[] = [];
    for (const file of sources(root)) {
      const rel = relative(root, file);
      for (const spec of codeImports(readFileSync(file, "utf8"))) {
        const target = relative(root, normalize(join(dirname(file), spec)).replace(/\.js$/, ".ts"));
        if (layerOf(target) > layerOf(rel)) upward.push(`${rel} (${LAYERS[layerOf(rel)]}) imports ${target} (${LAYERS[layerOf(target)]})`);
      }
    }
    expect(upward).toEqual([]);
  });
});
