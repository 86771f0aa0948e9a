/**
 * A tiny validator for closed schemas of plain data (what crosses `postMessage`). A check
 * returns null when the value fits, else where and why it does not (`.items[3].path: expected
 * an array`), so the page can say which part of a message it dropped.
 *
 * Closed: an object with a key its schema does not name fails. Bounded: every string and array
 * has a maximum length, and free-form data (an op's display attributes) a maximum depth, so a
 * message that fits can be rendered without surprises.
 */

/** null when `value` fits, else a path-prefixed reason. */
export type Check = (value: unknown) => string | null;

const MAX_STRING = 1_000_000;
const MAX_ARRAY = 1_000_000;

export const str =
  (max = MAX_STRING): Check =>
  (v) =>
    typeof v !== "string" ? ": expected a string" : v.length > max ? `: a string longer than ${max} characters` : null;

/** Any number, NaN and ±Infinity included (tensor values). */
export const num: Check = (v) => (typeof v === "number" ? null : ": expected a number");

export const int: Check = (v) => (Number.isSafeInteger(v) ? null : ": expected an integer");

export const bool: Check = (v) => (typeof v === "boolean" ? null : ": expected true or false");

export const lit =
  (...values: readonly (string | number | boolean | null)[]): Check =>
  (v) =>
    values.includes(v as string) ? null : `: expected one of ${values.map((x) => JSON.stringify(x)).join(", ")}`;

export const nullable =
  (c: Check): Check =>
  (v) =>
    v === null ? null : c(v);

export const oneOf =
  (...checks: Check[]): Check =>
  (v) => {
    let first: string | null = null;
    for (const c of checks) {
      const e = c(v);
      if (e === null) return null;
      first ??= e;
    }
    return first;
  };

export const arr =
  (item: Check, max = MAX_ARRAY): Check =>
  (v) => {
    if (!Array.isArray(v)) return ": expected an array";
    if (v.length > max) return `: an array longer than ${max}`;
    for (let i = 0; i < v.length; i++) {
      const e = item(v[i]);
      if (e !== null) return `[${i}]${e}`;
    }
    return null;
  };

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/**
 * An object with exactly these keys: every `required` one, any of the `optional` ones (which
 * may also hold undefined), no other.
 */
export const obj = (required: Record<string, Check>, optional: Record<string, Check> = {}): Check => {
  const requiredKeys = Object.keys(required);
  return (v) => {
    if (!isPlainObject(v)) return ": expected an object";
    for (const k of requiredKeys) {
      if (!Object.hasOwn(v, k)) return `: missing "${k}"`;
      const e = required[k](v[k]);
      if (e !== null) return `.${k}${e}`;
    }
    for (const k of Object.keys(v)) {
      if (Object.hasOwn(required, k)) continue;
      if (!Object.hasOwn(optional, k)) return `: unexpected key ${JSON.stringify(k.slice(0, 40))}`;
      if (v[k] === undefined) continue;
      const e = optional[k](v[k]);
      if (e !== null) return `.${k}${e}`;
    }
    return null;
  };
};

/** A dictionary: any keys (at most `maxKeys`), every value fitting `value`. */
export const dict =
  (value: Check, maxKeys = 100_000): Check =>
  (v) => {
    if (!isPlainObject(v)) return ": expected an object";
    const keys = Object.keys(v);
    if (keys.length > maxKeys) return `: more than ${maxKeys} keys`;
    for (const k of keys) {
      const e = value(v[k]);
      if (e !== null) return `[${JSON.stringify(k.slice(0, 40))}]${e}`;
    }
    return null;
  };

/** Objects told apart by their `type` field. */
export const tagged =
  (variants: Record<string, Check>): Check =>
  (v) => {
    if (!isPlainObject(v)) return ": expected an object";
    const type = v.type;
    if (typeof type !== "string" || !Object.hasOwn(variants, type)) return `: unknown type ${JSON.stringify(String(type).slice(0, 40))}`;
    return variants[type](v);
  };

/** JSON-like data (null, booleans, numbers, strings, arrays, plain objects) at most `depth` deep. */
export const plainData = (depth: number): Check => {
  const check: Check = (v) => {
    if (v === null || typeof v === "boolean" || typeof v === "number") return null;
    if (typeof v === "string") return str()(v);
    if (depth <= 0) return ": nested too deeply";
    return Array.isArray(v) ? arr(plainData(depth - 1), 100_000)(v) : dict(plainData(depth - 1), 10_000)(v);
  };
  return check;
};
