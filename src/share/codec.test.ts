import { describe, expect, it } from "vitest";
import { checksum, encodeShare, parseRoute, shareUrl } from "./codec";

const CODE = 'const a = tf.constant(2.0, {name: "a"});\nprint("héllo ✓", a);\n';

describe("encodeShare / parseRoute", () => {
  it("round-trips code, seed and selected run", () => {
    const { search, hash } = encodeShare({ code: CODE, seed: 42, run: 7 });
    expect(hash.startsWith("#code/")).toBe(true);
    expect(parseRoute(search, hash)).toEqual({ kind: "code", program: { code: CODE, seed: 42, run: 7, language: "typescript" } });
  });

  it("accepts a TypeScript Playground link without query", () => {
    const { hash } = encodeShare({ code: CODE, seed: null, run: null });
    expect(parseRoute("", hash)).toEqual({ kind: "code", program: { code: CODE, seed: null, run: null, language: "typescript" } });
  });

  it("carries a Python program's language in the hash (#py/), and reads #code/ links as TypeScript", () => {
    const py = "import tensorflow as tf\nprint tf.constant(2)\n";
    const { search, hash } = encodeShare({ code: py, seed: 3, run: null, language: "python" });
    expect(hash.startsWith("#py/")).toBe(true);
    expect(parseRoute(search, hash)).toEqual({ kind: "code", program: { code: py, seed: 3, run: null, language: "python" } });
    // The same payload under the older prefix is a TypeScript program, as every link made before.
    expect(parseRoute(search, hash.replace("#py/", "#code/"))).toMatchObject({ kind: "code", program: { code: py, language: "typescript" } });
  });

  it("reports a cut or empty Python link as broken", () => {
    const { search, hash } = encodeShare({ code: "print(1)\n".repeat(40), seed: 1, run: null, language: "python" });
    expect(parseRoute(search, hash.slice(0, Math.floor(hash.length * 0.6))).kind).toBe("broken");
    expect(parseRoute("", "#py/").kind).toBe("broken");
  });

  it("reports a truncated link as broken", () => {
    const { search, hash } = encodeShare({ code: CODE.repeat(5), seed: 1, run: null });
    const cut = hash.slice(0, Math.floor(hash.length * 0.6));
    expect(parseRoute(search, cut).kind).toBe("broken");
  });

  it("reports garbage as broken", () => {
    expect(parseRoute("", "#code/%%%%").kind).toBe("broken");
    expect(parseRoute("", "#code/").kind).toBe("broken");
  });

  it("routes lessons and ignores other hashes", () => {
    expect(parseRoute("?seed=3", "#lesson/placeholders")).toEqual({ kind: "lesson", id: "placeholders", seed: 3 });
    expect(parseRoute("", "")).toEqual({ kind: "none" });
    expect(parseRoute("", "#top")).toEqual({ kind: "none" });
  });

  it("builds a full URL on the page's own address", () => {
    const url = shareUrl("http://localhost:4173/app/?x=1#old", { code: "print(1)", seed: 5, run: null });
    expect(url).toMatch(/^http:\/\/localhost:4173\/app\/\?seed=5&ck=[0-9a-f]{8}#code\//);
  });
});

describe("checksum", () => {
  it("is CRC-32 over UTF-16 code units and differs for different texts", () => {
    expect(checksum("")).toBe("00000000");
    expect(checksum("a")).not.toBe(checksum("b"));
    expect(checksum("a")).toMatch(/^[0-9a-f]{8}$/);
  });
});
