/**
 * engine/index.ts is the engine's one door: the runner, the app, the bench and the scripts
 * import the engine only through it. The page's exception: it prints values, reads
 * checkpoints and checksums share links with a few leaf modules of engine/format/ (PAGE_DOORS), because the door also
 * registers every op, and going through it put ~480 kB of engine into the page's first
 * download (src/app/page_imports.test.ts keeps the page off the door; the engine runs in the
 * workers).
 */
import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(fileURLToPath(new URL(".", import.meta.url)), "..");
const engine = join(root, "engine");

function sources(d: string): string[] {
  return readdirSync(d).flatMap((n) => {
    const p = join(d, n);
    if (n === "node_modules" || n.startsWith(".")) return [];
    if (statSync(p).isDirectory()) return sources(p);
    return /\.(ts|tsx|mjs)$/.test(n) ? [p] : [];
  });
}

/** The engine modules the page's own code (src/ui, src/files, src/share) may import directly: printing, the .npz reader and ZIP's CRC-32, no op. */
const PAGE_DOORS = new Set(["format/numpy", "format/floats", "format/npy", "format/zip"]);

describe("the engine's door", () => {
  it("is the only engine module imported from outside engine/", () => {
    const behind: string[] = [];
    for (const dir of ["src", "bench", "scripts", "e2e"]) {
      for (const file of sources(join(root, dir))) {
        for (const m of readFileSync(file, "utf8").matchAll(/(?:from|import)\s*\(?\s*["'](\.{1,2}\/[^"']+)["']/g)) {
          const target = resolve(dirname(file), m[1]).replace(/\.(js|ts)$/, "");
          const pageDoor = /^src\/(ui|files|share)\//.test(relative(root, file)) && PAGE_DOORS.has(relative(engine, target));
          if (target.startsWith(engine + "/") && target !== join(engine, "index") && !pageDoor) behind.push(`${relative(root, file)}: ${m[1]}`);
        }
      }
    }
    expect(behind).toEqual([]);
  });
});
