/**
 * Pyodide's files, from the app's own origin (Vite copies them into the build with hashed
 * names): CPython compiled to wasm, compiled once per page and shared with every Python
 * worker, and the standard library.
 *
 * Both are read as streams so the page can say how far it got ("Loading Python… 3.1 of
 * 12.1 MB"): the bytes counted are the files' own (after any HTTP compression), whose sum
 * vite.config.ts measures at build time. The page keeps a copy of both in Cache Storage, so a
 * later visit reads them from there (and says so), offline too.
 */
import wasmUrl from "pyodide/pyodide.asm.wasm?url";
import stdlibUrl from "pyodide/python_stdlib.zip?url";
import type { PythonAssets } from "./protocol";

/** How far the files' download got. */
export interface AssetsProgress {
  /** Bytes read so far, of `total`. */
  loaded: number;
  total: number;
  /** Whether the files come from the browser's cache (every one asked so far did). */
  cached: boolean;
  /** Both files are in (and the wasm compiled). */
  done: boolean;
}

/** The Cache Storage cache that keeps Pyodide's files between visits. */
const CACHE_NAME = "tf-playground-python";

let assets: Promise<PythonAssets> | null = null;
let progress: AssetsProgress = { loaded: 0, total: __PYODIDE_BYTES__, cached: false, done: false };
/** Whether a file of this load had to come from the network. */
let network = false;
const listeners = new Set<(p: AssetsProgress) => void>();

function report(change: Partial<AssetsProgress>): void {
  progress = { ...progress, ...change };
  for (const l of listeners) l(progress);
}

async function fetchOk(url: string): Promise<Response> {
  const r = await fetch(url);
  if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
  return r;
}

/** The page's own cache of Pyodide's files (Cache Storage: secure origins only; null elsewhere or when refused). */
async function filesCache(): Promise<Cache | null> {
  try {
    return typeof caches === "undefined" ? null : await caches.open(CACHE_NAME);
  } catch {
    return null;
  }
}

/**
 * The file at `url`: from the page's cache when it holds it (said in the progress), else from
 * the network, keeping a copy for next time. The browser's HTTP cache is not relied on: it may
 * drop a 9.6 MB file (a private window's cache in memory does), and cannot say whether it had it.
 */
async function fetchPreferCache(url: string): Promise<Response> {
  const cache = await filesCache();
  const hit = await cache?.match(url).catch(() => undefined);
  if (hit?.ok && hit.body) {
    report({ cached: !network });
    return hit;
  }
  network = true;
  report({ cached: false });
  const response = await fetchOk(url);
  // A full copy is stored while the page reads the other; a refusal (quota) only costs the next visit a download.
  if (cache) void cache.put(url, response.clone()).catch(() => undefined);
  return response;
}

/** Drops copies of files of earlier builds (their names carry a hash of their contents). */
async function forgetOtherFiles(keep: string[]): Promise<void> {
  const cache = await filesCache();
  if (!cache) return;
  const wanted = new Set(keep.map((u) => new URL(u, location.href).href));
  for (const request of await cache.keys()) if (!wanted.has(request.url)) await cache.delete(request);
}

/** `response`'s body, each chunk's bytes added to the progress as it passes. */
function counted(response: Response, contentType: string): Response {
  if (!response.body) return response;
  const counter = new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      report({ loaded: progress.loaded + chunk.byteLength, total: Math.max(progress.total, progress.loaded + chunk.byteLength) });
      controller.enqueue(chunk);
    },
  });
  return new Response(response.body.pipeThrough(counter), { headers: { "Content-Type": contentType } });
}

async function compileWasm(url: string): Promise<WebAssembly.Module> {
  const response = counted(await fetchPreferCache(url), "application/wasm");
  try {
    return await WebAssembly.compileStreaming(response);
  } catch (error) {
    // A browser without streaming compilation: compile from the bytes (read again only if the stream was not consumed).
    if (response.bodyUsed) throw error;
    return WebAssembly.compile(await response.arrayBuffer());
  }
}

async function readStdlib(url: string): Promise<ArrayBuffer> {
  return counted(await fetchPreferCache(url), "application/zip").arrayBuffer();
}

/**
 * Pyodide's wasm module and standard library (loaded once; a failure is retried next time).
 * `onProgress` hears how far the download got, now and at each chunk, until it is done.
 * @example
 * const { wasm, stdlib } = await loadPythonAssets((p) => console.log(p.loaded, "of", p.total));
 */
export function loadPythonAssets(onProgress?: (p: AssetsProgress) => void): Promise<PythonAssets> {
  if (onProgress) {
    listeners.add(onProgress);
    onProgress(progress);
  }
  if (!assets) {
    progress = { loaded: 0, total: __PYODIDE_BYTES__, cached: false, done: false };
    network = false;
    assets = Promise.all([compileWasm(wasmUrl), readStdlib(stdlibUrl)]).then(([wasm, stdlib]) => ({ wasm, stdlib }));
    assets.then(
      () => {
        report({ done: true });
        void forgetOtherFiles([wasmUrl, stdlibUrl]).catch(() => undefined);
      },
      () => (assets = null),
    );
  }
  const mine = assets;
  if (onProgress) void mine.then(() => listeners.delete(onProgress), () => listeners.delete(onProgress));
  return mine;
}
