/**
 * The CLI's lockdown of the program's process: the same promise as the page's worker (no
 * network, no files, no other processes), for Node's ways out.
 *
 * - Modules: once the runner is loaded, a module resolve hook (`module.register`) refuses every
 *   further import, so `Function("return import('node:child_process')")()` and
 *   `import('node:fs')` reject. (A literal `import(...)` in the program is already refused by
 *   the transpiler.)
 * - `process` (and with it `process.binding`, `process.dlopen`, the environment) is taken off
 *   the global object; the runner keeps its own reference.
 * - Network and messaging globals (fetch, WebSocket, BroadcastChannel, MessageChannel, ...) are
 *   replaced by the page's own lockDown() stubs, which throw NoNetworkError.
 * - Node's own `console` (which reaches the real stdout stream objects) is replaced.
 */
import { register } from "node:module";
import { MessageChannel } from "node:worker_threads";
import { lockDown } from "../../worker/lockdown";

/** The message of the error an import rejects with. */
export const NO_IMPORT =
  "import() is not available in the playground: programs run without modules, files or network (tf, print and np are globals)";

/**
 * The resolve hook, as source: it runs on Node's hooks thread, and refuses everything once told
 * to lock. (A data: URL, so that it loads without the TypeScript loader.)
 */
const HOOKS = `
let locked = false;
export async function initialize({ port }) {
  port.on("message", (m) => { if (m === "lock") { locked = true; port.postMessage("locked"); } });
  port.unref();
}
export async function resolve(specifier, context, next) {
  if (locked) {
    const error = new Error(${JSON.stringify(NO_IMPORT)});
    error.name = "ImportError";
    throw error;
  }
  return next(specifier, context);
}
`;

/** Starts refusing imports. Call once every module the runner needs is loaded. */
export async function refuseImports(): Promise<void> {
  const { port1, port2 } = new MessageChannel();
  register(`data:text/javascript,${encodeURIComponent(HOOKS)}`, { data: { port: port2 }, transferList: [port2] });
  await new Promise<void>((resolve) => {
    port1.once("message", () => resolve());
    port1.postMessage("lock");
  });
  port1.close();
}

/**
 * Takes the process's ways out away from user code. `console` becomes `programConsole`.
 * Call after refuseImports(), before the program runs.
 */
export function lockDownNode(programConsole: object): void {
  const scope = globalThis as unknown as Record<string, unknown>;
  lockDown(globalThis);
  // As in a browser: `typeof process` is "undefined" (`global` is globalThis, which is harmless).
  Object.defineProperty(scope, "process", { value: undefined, writable: false, configurable: false, enumerable: false });
  Object.defineProperty(scope, "console", { value: programConsole, writable: false, configurable: false, enumerable: false });
}
