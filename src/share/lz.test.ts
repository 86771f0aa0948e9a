import fc from "fast-check";
import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from "lz-string";
import { describe, expect, it } from "vitest";
import { decodeLink, isLinkAlphabet } from "./lz";

const encode = compressToEncodedURIComponent;

describe("decodeLink", () => {
  it("reads back whatever lz-string encoded, within the limit", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "grapheme" }), fc.string({ unit: "binary" }), fc.string()), (text) => {
        fc.pre(text !== "");
        expect(decodeLink(encode(text), text.length)).toEqual({ ok: true, text });
      }),
      { numRuns: 500 },
    );
  });

  it("stops at the limit instead of expanding a text longer than it", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 2 }), fc.integer({ min: 1, max: 50 }), (unit, copies) => {
        const text = unit.repeat(copies);
        expect(decodeLink(encode(text), text.length - 1)).toEqual({ ok: false, reason: "too-large" });
      }),
    );
  });

  it("refuses a short link that expands past the limit, without building the text", () => {
    // Repetitive text compresses by a factor of tens to hundreds: this is the shape of the attack.
    const big = "## Task: x {#a}\nword word word\n".repeat(12_000);
    const link = encode(big);
    expect(link.length).toBeLessThan(big.length / 20);
    expect(decodeLink(link, 128 * 1024)).toEqual({ ok: false, reason: "too-large" });
  });

  it("agrees with lz-string on any payload it accepts, and never throws", () => {
    const alphabet = fc.constantFrom(..."ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$".split(""));
    const payload = fc.oneof(
      fc.string({ unit: alphabet, minLength: 1 }),
      // Cut-off and corrupted real links.
      fc.tuple(fc.string({ minLength: 1 }), fc.nat(), fc.nat()).map(([t, cut, at]) => {
        const e = encode(t);
        const cutAt = 1 + (cut % e.length);
        const flipAt = at % cutAt;
        return e.slice(0, flipAt) + "A" + e.slice(flipAt + 1, cutAt);
      }),
    );
    fc.assert(
      fc.property(payload, (p) => {
        const ours = decodeLink(p, 1_000_000);
        let theirs: string | null;
        try {
          theirs = decompressFromEncodedURIComponent(p);
        } catch {
          theirs = null;
        }
        // lz-string returns garbage for some payloads (a first code of 3): we call them malformed.
        if (ours.ok) expect(ours.text).toBe(theirs);
      }),
      { numRuns: 1000 },
    );
  });

  it("calls a payload with characters outside the link alphabet malformed", () => {
    expect(decodeLink("abc%", 100)).toEqual({ ok: false, reason: "malformed" });
    expect(decodeLink("", 100)).toEqual({ ok: false, reason: "malformed" });
    expect(decodeLink("é", 100)).toEqual({ ok: false, reason: "malformed" });
    expect(isLinkAlphabet("A-$+9")).toBe(true);
  });
});
