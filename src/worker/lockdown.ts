/**
 * Takes the network (and other ways out) away from user code before it runs in the worker.
 *
 * The runner passes the program its own globals, but the program can still reach the worker's
 * (`fetch`, `self.fetch`, `globalThis.constructor.prototype.fetch`). So each capability is
 * replaced, on the global object and on every prototype that defines it, with a stub that
 * throws a clear error. The real `postMessage` is captured first for the worker's own use, and
 * then hidden too: user code must not be able to forge messages to the page.
 */

/** Callables that reach the network, spawn contexts or talk to other contexts. */
const FUNCTIONS = [
  "fetch",
  "XMLHttpRequest",
  "WebSocket",
  "WebSocketStream",
  "WebTransport",
  "EventSource",
  "importScripts",
  "Worker",
  "SharedWorker",
  "BroadcastChannel",
  "MessageChannel",
  "RTCPeerConnection",
  // Fonts are fetched from a URL (`new FontFace("x", "url(...)")`, `fonts.load`).
  "FontFace",
  "postMessage",
  "close",
] as const;

/** Objects (storage and caches) that are read as properties. */
const OBJECTS = ["indexedDB", "caches", "cookieStore", "webkitRequestFileSystem", "fonts"] as const;

export class NoNetworkError extends Error {
  constructor(what: string) {
    super(`${what} is not available in the playground: programs run without network or storage access`);
    this.name = "NoNetworkError";
  }
}

function stubFunction(name: string): () => never {
  // A named function, so `fetch` still prints as a function; calling or `new`-ing it throws.
  const stub = function () {
    throw new NoNetworkError(name);
  };
  Object.defineProperty(stub, "name", { value: name });
  return stub;
}

/** Replaces `name` wherever `obj` or its prototypes define it. Returns how many it replaced. */
function replaceEverywhere(obj: object, name: string, descriptor: PropertyDescriptor): number {
  let replaced = 0;
  for (let o: object | null = obj; o !== null; o = Object.getPrototypeOf(o)) {
    const own = Object.getOwnPropertyDescriptor(o, name);
    if (own === undefined) continue;
    if (!own.configurable) {
      // Last resort for a non-configurable data property.
      if ("value" in own && own.writable) (o as Record<string, unknown>)[name] = descriptor.value ?? undefined;
      continue;
    }
    Object.defineProperty(o, name, { ...descriptor, configurable: false });
    replaced++;
  }
  // Define it on the object itself even where nothing was, so later polyfills cannot add it.
  if (Object.getOwnPropertyDescriptor(obj, name) === undefined && Object.isExtensible(obj)) {
    Object.defineProperty(obj, name, { ...descriptor, configurable: false });
    replaced++;
  }
  return replaced;
}

/**
 * Locks the global scope down. Returns the real `postMessage`, bound, for the worker's own
 * messages. Call once, before any user code runs.
 */
export function lockDown(scope: typeof globalThis = globalThis): (message: unknown) => void {
  const realPost = (scope as unknown as { postMessage?: (m: unknown) => void }).postMessage;
  const post = realPost ? realPost.bind(scope) : () => undefined;
  for (const name of FUNCTIONS) {
    replaceEverywhere(scope, name, { value: stubFunction(name), writable: false, enumerable: false });
  }
  for (const name of OBJECTS) {
    replaceEverywhere(scope, name, {
      get() {
        throw new NoNetworkError(name);
      },
      enumerable: false,
    });
  }
  const nav = (scope as unknown as { navigator?: object }).navigator;
  if (nav) {
    replaceEverywhere(nav, "sendBeacon", { value: stubFunction("navigator.sendBeacon"), writable: false, enumerable: false });
    for (const name of ["storage", "serviceWorker", "locks"]) {
      replaceEverywhere(nav, name, {
        get() {
          throw new NoNetworkError(`navigator.${name}`);
        },
        enumerable: false,
      });
    }
  }
  return post;
}
