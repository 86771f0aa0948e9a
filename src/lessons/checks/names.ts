/**
 * How a name in a check matches the graph's names. `add` matches the op `add` and its tensor
 * `add:0`; `split:1` matches only that tensor; `*` matches any characters (`gradients/*`).
 */

const cache = new Map<string, RegExp>();

function globRegex(pattern: string): RegExp {
  let re = cache.get(pattern);
  if (re === undefined) {
    const body = pattern
      .split("*")
      .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
      .join(".*");
    re = new RegExp(`^${body}$`);
    cache.set(pattern, re);
  }
  return re;
}

const OUTPUT_INDEX = /:\d+$/;

/** The op part of a tensor name (`add:0` → `add`); an op name is its own op part. */
export function opOf(name: string): string {
  return name.replace(OUTPUT_INDEX, "");
}

/** Does `pattern` name the op `opName`? (`add:0` names the op `add` too.) */
export function matchesOp(pattern: string, opName: string): boolean {
  return globRegex(opOf(pattern)).test(opName);
}

/**
 * Does `pattern` name the tensor (or op) `name`? A pattern with an output index must match it
 * exactly; one without matches any output of the op.
 */
export function matchesTensor(pattern: string, name: string): boolean {
  return OUTPUT_INDEX.test(pattern) ? globRegex(pattern).test(name) : globRegex(pattern).test(opOf(name));
}

/** A name as messages show it. */
export function quote(name: string): string {
  return `\`${name}\``;
}

/** Up to `max` names, quoted and joined, then how many more. */
export function listNames(names: readonly string[], max = 6): string {
  const shown = names.slice(0, max).map(quote).join(", ");
  return names.length > max ? `${shown} and ${names.length - max} more` : shown;
}
