/**
 * Python's `with` blocks in the playground dialect: the block is a callback passed last,
 * whose return value is returned. `with tf.name_scope("a"): ...` is
 * `tf.name_scope("a", () => ...)`.
 */

/** Splits a trailing callback (the `with` body) off an argument list. */
export function splitBody<F extends (...a: never[]) => unknown>(args: readonly unknown[]): [unknown[], F | null] {
  const last = args[args.length - 1];
  if (typeof last === "function" && !isConstructorLike(last)) return [args.slice(0, -1), last as F];
  return [args.slice(), null];
}

/** Classes and tf API functions passed as values (e.g. an initializer) are not block bodies. */
function isConstructorLike(f: unknown): boolean {
  return typeof f === "function" && (f as { __repr__?: unknown }).__repr__ !== undefined;
}

/**
 * Makes a class usable as TF's Python classes are: called with or without `new`.
 * `tf.Session()` and `new tf.Session()` both give a Session.
 */
export function callable<A extends unknown[], T extends object>(name: string, make: (...args: A) => T, proto: object): { (...args: A): T; new (...args: A): T } {
  const f = function (...args: A): T {
    return make(...args);
  };
  Object.defineProperty(f, "name", { value: name });
  f.prototype = proto;
  return f as unknown as { (...args: A): T; new (...args: A): T };
}
