/**
 * Python 3's `str()` and `repr()` for the JS values a learner's program handles, so that `print`
 * writes what the same TF 1.x Python program would.
 *
 * JS numbers have no int/float distinction: an integral number prints as a Python int, a PyFloat
 * box (a float literal the learner wrote) as a Python float, and any other number as a Python
 * float (float64's shortest digits). Values sess.run returns carry their numpy type instead
 * (numpy/scalar.ts: a float32 prints `7.0` or `0.35190025` through its `__repr__`).
 * (`%`-formatting is percent.ts; python.ts gathers both.)
 */
import { isPyFloat } from "../pyfloat.js";
import { float32Repr, float64Repr } from "./floats.js";
import { isClass, isPlainObject } from "./pytypes.js";


/**
 * Python's `str(x)`: strings bare, objects through `__str__()`, a custom `toString()`, else repr.
 * @example pyStr("hi") // "hi"
 * @example pyStr([1, "a"]) // "[1, 'a']"
 */
export function pyStr(x: unknown): string {
  if (typeof x === "string") return x;
  if (typeof x === "object" && x !== null && !isPyFloat(x)) {
    const o = x as { __str__?: unknown };
    if (typeof o.__str__ === "function") return String(o.__str__());
    if (x instanceof Error) return x.message;
    if (!isContainer(x) && hasOwnToString(x)) return String(x);
  }
  return pyRepr(x);
}

/**
 * Python's `repr(x)`: strings quoted, containers with repr'd elements, objects through
 * `__repr__()`, a custom `toString()`, else `<ClassName object>`.
 * @example pyRepr("it's") // "\"it's\""
 * @example pyRepr({ ab: [3, 4], total: 7 }) // "{'ab': [3, 4], 'total': 7}"
 */
export function pyRepr(x: unknown): string {
  return reprIn(x, new Set());
}

/**
 * What Python's `print(*args)` writes, without the newline.
 * @example pyPrintLine(["loss:", 0.5]) // "loss: 0.5"
 */
export function pyPrintLine(args: unknown[]): string {
  return args.map(pyStr).join(" ");
}

/**
 * The text of a JS number as Python would print the value it stands for: `2`, `-0.0`, `nan`,
 * `inf`, `0.1`, `1000000000000000000000`.
 */
export function pyNumberRepr(x: number): string {
  if (Number.isNaN(x)) return "nan";
  if (x === Infinity) return "inf";
  if (x === -Infinity) return "-inf";
  if (Object.is(x, -0)) return "-0.0";
  if (Number.isInteger(x)) return Math.abs(x) < 1e21 ? String(x) : BigInt(x).toString();
  return float64Repr(x);
}

/**
 * Python's `repr(str)`: single quotes unless the text has `'` and no `"`, escapes for `\\`, the
 * quote, `\t \n \r`, and `\x..` / `\u....` / `\U........` for what Python deems unprintable.
 * With `asciiOnly` it is `ascii()`: every non-ASCII character escaped.
 */
export function pyStringRepr(s: string, asciiOnly = false): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (ch === quote || ch === "\\") out += "\\" + ch;
    else if (ch === "\t") out += "\\t";
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (cp < 0x20 || cp === 0x7f) out += "\\x" + hex(cp, 2);
    else if (cp < 0x7f) out += ch;
    else if (!asciiOnly && isPrintable(ch)) out += ch;
    else if (cp <= 0xff) out += "\\x" + hex(cp, 2);
    else if (cp <= 0xffff) out += "\\u" + hex(cp, 4);
    else out += "\\U" + hex(cp, 8);
  }
  return out + quote;
}

export function hex(n: number, width: number): string {
  return n.toString(16).padStart(width, "0");
}

// Python's str.isprintable(): not in categories Cc, Cf, Cs, Co, Cn, Zl, Zp, or Zs other than space.
const UNPRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u;
function isPrintable(ch: string): boolean {
  return !UNPRINTABLE.test(ch);
}

function isContainer(x: object): boolean {
  return Array.isArray(x) || ArrayBuffer.isView(x) || x instanceof Map || x instanceof Set || isPlainObject(x);
}

function hasOwnToString(x: object): boolean {
  return typeof (x as { toString?: unknown }).toString === "function" && x.toString !== Object.prototype.toString;
}


function reprIn(x: unknown, seen: Set<object>): string {
  if (x === null || x === undefined) return "None";
  switch (typeof x) {
    case "boolean":
      return x ? "True" : "False";
    case "number":
      return pyNumberRepr(x);
    case "bigint":
      return x.toString();
    case "string":
      return pyStringRepr(x);
    case "symbol":
      return x.toString();
    case "function":
      // Python's `<function f at 0x7f...>` has an address we cannot reproduce.
      if (isClass(x)) return `<class '${x.name}'>`;
      // A callable object of the engine (an initializer) has its own repr.
      if (typeof (x as { __repr__?: unknown }).__repr__ === "function") return String((x as unknown as { __repr__(): unknown }).__repr__());
      {
        // A class declared as a function (TF's initializer classes) names itself on its prototype.
        const named = (x as { prototype?: { __pyclass__?: unknown } }).prototype?.__pyclass__;
        if (typeof named === "string") return `<class '${named}'>`;
      }
      return `<function ${x.name || "<lambda>"}>`;
  }
  const obj = x as object;
  if (isPyFloat(obj)) return float64Repr(obj.valueOf());
  const custom = (obj as { __repr__?: unknown }).__repr__;
  if (typeof custom === "function") return String(custom.call(obj));
  if (obj instanceof Error) return `${obj.name}(${obj.message === "" ? "" : pyStringRepr(obj.message)})`;
  if (Array.isArray(obj)) return guarded(obj, seen, "[...]", () => `[${obj.map((v) => reprIn(v, seen)).join(", ")}]`);
  if (ArrayBuffer.isView(obj)) return typedArrayRepr(obj);
  if (obj instanceof Map) {
    return guarded(obj, seen, "{...}", () => {
      const items = [...obj.entries()].map(([k, v]) => `${reprIn(k, seen)}: ${reprIn(v, seen)}`);
      return `{${items.join(", ")}}`;
    });
  }
  if (obj instanceof Set) {
    if (obj.size === 0) return "set()";
    return guarded(obj, seen, "{...}", () => `{${[...obj].map((v) => reprIn(v, seen)).join(", ")}}`);
  }
  if (isPlainObject(obj)) {
    return guarded(obj, seen, "{...}", () => {
      const items = Object.entries(obj).map(([k, v]) => `${pyStringRepr(k)}: ${reprIn(v, seen)}`);
      return `{${items.join(", ")}}`;
    });
  }
  if (obj instanceof Number || obj instanceof String || obj instanceof Boolean) return reprIn(obj.valueOf(), seen);
  if (hasOwnToString(obj)) return String(obj);
  return `<${obj.constructor?.name || "object"} object>`;
}

/** Prints a container, or Python's `[...]` / `{...}` when it is already being printed (a cycle). */
function guarded(obj: object, seen: Set<object>, cycle: string, print: () => string): string {
  if (seen.has(obj)) return cycle;
  seen.add(obj);
  try {
    return print();
  } finally {
    seen.delete(obj);
  }
}

/** Typed arrays print as lists; float arrays' elements as floats of their width. */
function typedArrayRepr(view: ArrayBufferView): string {
  if (view instanceof Float32Array) return `[${Array.from(view, float32Repr).join(", ")}]`;
  if (view instanceof Float64Array) return `[${Array.from(view, float64Repr).join(", ")}]`;
  if (view instanceof DataView) return `<DataView object>`;
  const items = Array.from(view as unknown as ArrayLike<number | bigint>, (v) => String(v));
  return `[${items.join(", ")}]`;
}

