/**
 * TF naming helpers. Tensors are named `op:index`, control inputs are op names (TF's GraphDef
 * spells them `^op`), and `/` separates name scopes.
 */

/** The op that produces a tensor: `Add:0` → `Add`, `^init` → `init`, `count` → `count`. */
export function opOfTensor(tensor: string): string {
  const start = tensor.charCodeAt(0) === 94 /* ^ */ ? 1 : 0;
  const colon = tensor.lastIndexOf(":");
  if (colon > start && /^\d+$/.test(tensor.slice(colon + 1))) return tensor.slice(start, colon);
  return start === 0 ? tensor : tensor.slice(start);
}

/** The scope prefixes of a name, outermost first: `a/b/c` → [`a`, `a/b`]. */
export function scopePrefixes(name: string): string[] {
  const out: string[] = [];
  let i = name.indexOf("/");
  while (i > 0) {
    out.push(name.slice(0, i));
    i = name.indexOf("/", i + 1);
  }
  return out;
}

/** The last segment of a name: `GradientDescent/update_m/ApplyGradientDescent` → `ApplyGradientDescent`. */
export function shortName(name: string): string {
  const i = name.lastIndexOf("/");
  return i < 0 ? name : name.slice(i + 1);
}

/** How many scopes enclose a name. */
export function scopeDepth(name: string): number {
  let n = 0;
  for (let i = 0; i < name.length; i++) if (name.charCodeAt(i) === 47 /* / */) n++;
  return n;
}
