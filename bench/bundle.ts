/**
 * What a TypeScript-only learner downloads, in bytes, from the production build's manifest
 * (dist/.vite/manifest.json, written by `vite build`): the page's entry and everything it
 * imports, the two panes every page shows (the editor and the graph, loaded with import()),
 * their CSS and index.html; beside it what Python mode adds when chosen. Printed beside the
 * figures recorded in bench/bundle_baseline.json (the last build before Python mode landed,
 * and later ones), so growth shows up in `npm run bench` (issue 16: "the TypeScript path must
 * not get slower or heavier"). Byte counts, not timings: deterministic for a given build.
 *
 * `npx tsx bench/bundle.ts [DIST]` prints only these rows (DIST defaults to dist/).
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { row } from "./lib/report";

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
  assets?: string[];
}
type Manifest = Record<string, ManifestChunk>;

/** The lazy panes every page loads at start-up (src/app/layout/panes.tsx, src/app/GraphSlot.tsx). */
const START_PANES = ["src/editor/CodeEditor.tsx", "src/graph/GraphPane.tsx"];
/** The dynamic imports that only Python mode makes (src/app/page_imports.test.ts keeps them the only ones). */
const PYTHON_ONLY = /python|pyodide/i;

export interface Size {
  files: number;
  raw: number;
  gzip: number;
}

export interface BundleFigures {
  /** The entry chunk (the first JavaScript the page runs). */
  entry: Size;
  /** The editor pane's chunk. */
  editor: Size;
  /** Everything the page loads at start-up in TypeScript mode (JS, CSS, index.html). */
  typescriptStart: Size;
  /** Python-only files, loaded when Python is chosen (JS chunks, Pyodide's wasm and standard library). */
  python: Size;
}

function sizeOf(dist: string, files: Iterable<string>): Size {
  let raw = 0;
  let gzip = 0;
  let n = 0;
  for (const f of files) {
    const bytes = readFileSync(join(dist, f));
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
    n++;
  }
  return { files: n, raw, gzip };
}

/** The files of `keys` and their static imports, with their CSS. */
function closure(manifest: Manifest, keys: string[]): Set<string> {
  const files = new Set<string>();
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    const c = manifest[key];
    if (!c) throw new Error(`bundle: ${key} is not in the build's manifest`);
    files.add(c.file);
    for (const css of c.css ?? []) files.add(css);
    for (const i of c.imports ?? []) visit(i);
  };
  keys.forEach(visit);
  return files;
}

/**
 * The figures of the build in `dist` (null when it has no manifest: build first).
 * @example
 * const f = bundleFigures("dist"); // f?.typescriptStart.gzip
 */
export function bundleFigures(dist: string): BundleFigures | null {
  const path = join(dist, ".vite/manifest.json");
  if (!existsSync(path)) return null;
  const manifest = JSON.parse(readFileSync(path, "utf8")) as Manifest;
  const entryKey = Object.keys(manifest).find((k) => manifest[k].isEntry && k.endsWith("index.html"));
  if (!entryKey) throw new Error("bundle: the manifest has no index.html entry");
  const panes = START_PANES.filter((p) => manifest[p]);
  const start = closure(manifest, [entryKey, ...panes]);
  start.add("index.html");
  // Python's chunks: every dynamic import whose source is Python-only, and what it brings that start-up did not.
  const pythonKeys = Object.values(manifest).flatMap((c) => c.dynamicImports ?? []).filter((k) => PYTHON_ONLY.test(k));
  const python = new Set([...closure(manifest, [...new Set(pythonKeys)])].filter((f) => !start.has(f)));
  for (const key of pythonKeys) for (const a of manifest[key]?.assets ?? []) python.add(a);
  // Workers and Pyodide's files are assets of the Python client chunk (`?worker&url`, `?url`).
  for (const f of readdirSync(join(dist, "assets"))) if (/^(python\.worker|pyodide|python_stdlib)/.test(f)) python.add(`assets/${f}`);
  return {
    entry: sizeOf(dist, [manifest[entryKey].file]),
    editor: sizeOf(dist, manifest["src/editor/CodeEditor.tsx"] ? [manifest["src/editor/CodeEditor.tsx"].file] : []),
    typescriptStart: sizeOf(dist, start),
    python: sizeOf(dist, python),
  };
}

interface Baseline {
  label: string;
  figures: BundleFigures;
}

const kB = (n: number) => `${(n / 1024).toLocaleString("en-US", { maximumFractionDigits: 1, minimumFractionDigits: 1 })} kB`;
const both = (s: Size) => `${kB(s.raw)} (${kB(s.gzip)} gz)`;

/**
 * Prints the rows for the build in `dist`, beside the recorded baselines.
 * @example
 * printBundle("dist");
 */
export function printBundle(dist: string): void {
  const f = bundleFigures(dist);
  console.log("\nWhat the page downloads (production build, bytes; gz = gzip -9 of each file)");
  if (f === null) {
    console.log(`  no ${dist}/.vite/manifest.json: run \`npx vite build\` first for these rows`);
    return;
  }
  const baselines = JSON.parse(readFileSync(resolve("bench/bundle_baseline.json"), "utf8")) as Baseline[];
  const rows: [string, (b: BundleFigures) => Size][] = [
    ["TypeScript user at start-up (entry, editor, graph; JS, CSS, HTML)", (b) => b.typescriptStart],
    ["  the entry chunk", (b) => b.entry],
    ["  the editor chunk", (b) => b.editor],
    ["Python mode adds when chosen (JS, wasm, stdlib)", (b) => b.python],
  ];
  for (const [label, pick] of rows) {
    console.log(row(label, both(pick(f))));
    for (const b of baselines) console.log(row(`    ${b.label}`, both(pick(b.figures))));
  }
}

if (process.argv[1]?.endsWith("bundle.ts")) printBundle(process.argv[2] ?? "dist");
