/**
 * Each `tf` member is declared once, at module level, in this folder: the hover help comes from
 * its JSDoc, its Python signature from its implementation's parameters. These tests hold every
 * declaration to that: documented with an example, parameter names as Python spells them, and
 * Python's optional parameters exactly the defaulted ones.
 */
import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { createTF } from "../../tf.js";
import type { PyFunc, Impl } from "../pyargs.js";

const dir = fileURLToPath(new URL(".", import.meta.url));
const sources = readdirSync(dir).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"));
const modules = Object.entries(import.meta.glob<Record<string, unknown>>(["./*.ts", "!./*.test.ts"], { eager: true })).map(
  ([f, m]) => [f.slice(2), m] as const,
);

/** JS words a parameter cannot be named, spelled with a trailing underscore instead. */
const RESERVED = new Set(["var", "default", "class", "function", "new"]);

/** The parameter list of a function's source: names, and whether each has a default. */
function declaredParams(f: Function): { name: string; defaulted: boolean }[] {
  const src = Function.prototype.toString.call(f);
  let depth = 0;
  let i = src.indexOf("(");
  const start = i + 1;
  for (; i < src.length; i++) {
    if ("([{".includes(src[i])) depth++;
    else if (")]}".includes(src[i]) && --depth === 0) break;
  }
  const params: string[] = [];
  let cur = "";
  depth = 0;
  for (const ch of src.slice(start, i)) {
    if ("([{".includes(ch)) depth++;
    if (")]}".includes(ch)) depth--;
    if (ch === "," && depth === 0) {
      params.push(cur);
      cur = "";
    } else cur += ch;
  }
  if (cur.trim()) params.push(cur);
  return params.map((p) => ({ name: p.split("=")[0].trim(), defaulted: p.includes("=") }));
}

function isPyFunc(v: unknown): v is PyFunc<Impl, readonly string[]> {
  return typeof v === "function" && Array.isArray((v as { pyParams?: unknown }).pyParams);
}

describe("the tf API declarations (engine/api/tf/)", () => {
  it("document every member with an @example, for the editor's hover help", () => {
    const missing: string[] = [];
    for (const f of sources) {
      const lines = readFileSync(dir + f, "utf8").split("\n");
      lines.forEach((line, i) => {
        const m = /^export const (\w+) =/.exec(line);
        if (!m) return;
        let j = i - 1;
        while (j >= 0 && lines[j].trim() === "") j--;
        let k = j;
        while (k >= 0 && !lines[k].includes("/**")) k--;
        const block = lines[j]?.trim().endsWith("*/") ? lines.slice(k, j + 1).join("\n") : "";
        // A class or constant object (tf.Tensor, tf.GraphKeys) needs a doc, not an example.
        const plainValue = /= (\w+Class|\w+Values?|\w+_VALUE|Object\.assign)/.test(line);
        if (!block || (!plainValue && !block.includes("@example"))) missing.push(`${f}:${i + 1} ${m[1]}`);
      });
    }
    expect(missing).toEqual([]);
  });

  it("name each implementation's parameters as the Python parameters they bind", () => {
    const wrong: string[] = [];
    let checked = 0;
    for (const [f, mod] of modules) {
      for (const [name, v] of Object.entries(mod)) {
        if (!isPyFunc(v)) continue;
        checked++;
        const params = declaredParams(v).slice(1); // after the context
        const spelled = v.pyParams.map((n) => (RESERVED.has(n) ? `${n}_` : n));
        if (params.map((p) => p.name).join() !== spelled.join()) {
          wrong.push(`${f} ${name}: (${params.map((p) => p.name).join(", ")}) vs [${v.pyParams.join(", ")}]`);
        }
      }
    }
    expect(checked).toBeGreaterThan(150);
    expect(wrong).toEqual([]);
  });

  it("make exactly the trailing defaulted parameters optional, as Python's signature does", () => {
    const wrong: string[] = [];
    for (const [f, mod] of modules) {
      for (const [name, v] of Object.entries(mod)) {
        if (!isPyFunc(v)) continue;
        const params = declaredParams(v).slice(1);
        const required = v.length - 1;
        const firstDefault = params.findIndex((p) => p.defaulted);
        const trailing = firstDefault < 0 ? params.length : firstDefault;
        if (required !== trailing || params.slice(trailing).some((p) => !p.defaulted)) wrong.push(`${f} ${name}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("export nothing but members: helpers live outside this folder", () => {
    const helpers: string[] = [];
    for (const [f, mod] of modules) {
      for (const [name, v] of Object.entries(mod)) {
        if (typeof v !== "function" || isPyFunc(v)) continue;
        const isClass = /^class[\s{]/.test(Function.prototype.toString.call(v));
        const marked = Object.getOwnPropertySymbols(v).length > 0; // withContext
        if (!isClass && !marked) helpers.push(`${f} ${name}`);
      }
    }
    expect(helpers).toEqual([]);
  });

  it("bind every declared function into the namespace, where keywords reach the implementation", () => {
    const tf = createTF();
    const x = tf.placeholder(tf.float32, { shape: [null, 3], name: "x" });
    expect(x.name).toBe("x:0");
    expect(String(x.shape)).toBe("(?, 3)");
    expect(() => tf.placeholder(tf.float32, { shap: [2] } as never)).toThrow("placeholder() got an unexpected keyword argument 'shap'");
    expect(() => (tf.reshape as (...a: unknown[]) => unknown)()).toThrow("reshape() missing 2 required positional arguments: 'tensor' and 'shape'");
  });
});
