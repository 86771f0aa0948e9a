import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";
import { tfTypesPlugin } from "./src/editor/build/tfTypesPlugin";

/**
 * Content-Security-Policy for dev and preview. Workers take their policy from their own
 * response, so this header is what keeps a learner's program from importing or fetching
 * anything off-origin even through `new Function` (script-src needs 'unsafe-eval': the runner
 * compiles programs with `new Function`). Production hosting should send the same header.
 */
const CSP = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  "connect-src 'self' ws: wss:",
].join("; ");

export default defineConfig({
  plugins: [react(), tfTypesPlugin()],
  worker: { format: "es" },
  build: {
    target: "es2022",
    // Monaco and its TypeScript worker are big by nature; they are lazy-loaded chunks.
    chunkSizeWarningLimit: 8000,
  },
  // Dev only: React Fast Refresh injects an inline preamble script.
  server: { headers: { "Content-Security-Policy": CSP.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'") } },
  preview: { headers: { "Content-Security-Policy": CSP.replace(" ws: wss:", "") } },
});
