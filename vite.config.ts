import { statSync } from "node:fs";
import { defineConfig, type Plugin } from "vite";
import react from "@vitejs/plugin-react";
import { tfTypesPlugin } from "./src/editor/build/tfTypesPlugin";
import { DEV_CSP, PAGE_CSP } from "./src/worker/sandbox/policy";

/**
 * The page's Content-Security-Policy (src/worker/sandbox/policy.ts) goes into the built
 * index.html as a `<meta>`, so it holds on a host that sends no header; `vite preview` sends
 * the same as a header, and the dev server a looser one (Fast Refresh, HMR).
 */
function cspMeta(): Plugin {
  return {
    name: "csp-meta",
    apply: "build",
    transformIndexHtml: () => [{ tag: "meta", attrs: { "http-equiv": "Content-Security-Policy", content: PAGE_CSP }, injectTo: "head-prepend" }],
  };
}

/** Pyodide's two files' bytes, for the page's "Loading Python… 3.1 of 12.1 MB" (src/worker/python_assets.ts). */
const PYODIDE_BYTES = ["pyodide.asm.wasm", "python_stdlib.zip"].reduce((n, f) => n + statSync(`node_modules/pyodide/${f}`).size, 0);

export default defineConfig({
  plugins: [react(), tfTypesPlugin(), cspMeta()],
  define: { __PYODIDE_BYTES__: JSON.stringify(PYODIDE_BYTES) },
  worker: { format: "es" },
  build: {
    target: "es2022",
    // Monaco and its TypeScript worker are big by nature; they are lazy-loaded chunks.
    chunkSizeWarningLimit: 8000,
    // dist/.vite/manifest.json: `npm run bench` reads from it what each user downloads (bench/bundle.ts).
    manifest: true,
  },
  server: { headers: { "Content-Security-Policy": DEV_CSP } },
  preview: { headers: { "Content-Security-Policy": PAGE_CSP } },
});
