/**
 * The Content-Security-Policies of the app, in one place: the page's (a `<meta>` in the built
 * index.html, and the header `vite preview` sends) and the stricter one under which learner
 * programs run (src/worker/sandbox/frame.ts).
 *
 * Why two: a dedicated worker loaded from a URL gets the policy of *its own* response, which a
 * plain static host sends none of; a worker made from a `blob:` URL inherits the policy of the
 * document that creates it (verified in Chromium: e2e/sandbox.spec.ts). The page needs
 * `'self'` for its own scripts, fonts and the worker's code, so a blob worker the page made
 * could still GET any same-origin path. Program workers are therefore created by a hidden
 * `srcdoc` frame whose own `<meta>` policy allows no fetch at all: no script, font, image or
 * connection source, only `blob:` workers and `eval` (the runner compiles programs with
 * `new Function`). The frame keeps the page's policy too (a srcdoc document inherits it), so
 * the stricter of the two always applies.
 */

/** The page's policy (production: meta tag and `vite preview` header). */
export const PAGE_CSP = [
  "default-src 'self'",
  // 'unsafe-eval': the sandbox frame inherits this policy and its workers compile programs.
  // 'wasm-unsafe-eval': the page compiles Pyodide's CPython (wasm) for the Python workers.
  "script-src 'self' 'unsafe-eval' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");

/** The dev server's: React Fast Refresh injects an inline preamble; HMR uses a WebSocket. */
export const DEV_CSP = PAGE_CSP.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'").replace("connect-src 'self'", "connect-src 'self' ws: wss:");

/**
 * The policy of the frame that creates program and lesson-check workers, and so of those
 * workers: nothing can be fetched (no `'self'` anywhere), workers only from `blob:` URLs.
 */
export const SANDBOX_CSP = [
  "default-src 'none'",
  // 'wasm-unsafe-eval': Pyodide instantiates CPython and compiles small wasm trampolines.
  "script-src 'unsafe-eval' 'wasm-unsafe-eval'",
  "worker-src blob:",
  "connect-src 'none'",
  "font-src 'none'",
  "img-src 'none'",
  "style-src 'none'",
  "media-src 'none'",
  "object-src 'none'",
  "child-src blob:",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");
