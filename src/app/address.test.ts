import fc from "fast-check";
import { compressToEncodedURIComponent } from "lz-string";
import { describe, expect, it } from "vitest";
import { MAX_LESSON_CHARS } from "../lessons/player/route";
import { MAX_CODE_CHARS } from "../share/codec";
import { readAddress, unknownAddressText, type Address } from "./address";

// --- Factories ----------------------------------------------------------------------------

const lz = compressToEncodedURIComponent;
const LESSON = "---\nid: mine\ntitle: Mine\norder: 1\nsummary: s\n---\n";

/** Pieces of real and broken addresses, to build hashes that reach deep into the parsers. */
const piece = fc.oneof(
  fc.constantFrom("lesson", "custom", "code", "/", "#", "%", "%2", "%E0%A4%A", "%E0%A4%A4", "%24", "%%", "%25", "%FF", "placeholders", "feed-it", "Not_An_Id", "?", "&", " ", "é", "\u0000", "\uD800"),
  fc.string({ maxLength: 8 }),
  fc.string({ maxLength: 200 }).map(lz),
  // A real link cut short.
  fc.string({ minLength: 1, maxLength: 200 }).chain((t) => fc.nat({ max: lz(t).length }).map((n) => lz(t).slice(0, n))),
);
const hash = fc.oneof(fc.string(), fc.array(piece, { maxLength: 8 }).map((ps) => ps.join("")), fc.array(piece, { maxLength: 6 }).map((ps) => `#${ps.join("/")}`));
const search = fc.oneof(fc.constant(""), fc.string(), fc.constantFrom("?seed=1&run=2&ck=00000000", "?ck=%", "?seed=%E0"));

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The promises every answer keeps, whatever the address. */
function expectWellFormed(a: Address): void {
  switch (a.kind) {
    case "none":
      return;
    case "code":
      expect(a.program.code.length).toBeGreaterThan(0);
      expect(a.program.code.length).toBeLessThanOrEqual(MAX_CODE_CHARS);
      return;
    case "lesson":
      if (a.route.kind === "lesson") expect(a.route.id).toMatch(ID);
      else expect(a.route.text.length).toBeLessThanOrEqual(MAX_LESSON_CHARS);
      if (a.route.task !== null) expect(a.route.task).toMatch(ID);
      return;
    case "broken":
      // A sentence the banner can show: never empty, never a flood.
      expect(a.reason).toMatch(/\.$/);
      expect(a.reason.length).toBeLessThan(300);
      return;
    case "unknown":
      expect(a.hash).not.toBe("");
      expect(unknownAddressText(a.hash).length).toBeLessThan(300);
  }
}

// --- Tests --------------------------------------------------------------------------------

describe("readAddress", () => {
  it("answers for any address, however malformed, without throwing", () => {
    fc.assert(
      fc.property(search, hash, (s, h) => {
        expectWellFormed(readAddress(s, h));
      }),
      { numRuns: 3000 },
    );
  });

  it("calls the malformed percent escapes of a lesson link broken, with the reason", () => {
    for (const h of ["#lesson/%", "#lesson/x%2", "#lesson/%E0%A4%A"]) {
      expect(readAddress("", h)).toMatchObject({ kind: "broken", lesson: true, reason: expect.stringMatching(/is not a lesson id\.$/) });
    }
    expect(readAddress("?seed=1", "#code/%")).toMatchObject({ kind: "broken", lesson: false });
    expect(readAddress("", "#lesson/x/t/code/%E0")).toMatchObject({ kind: "broken", lesson: true });
  });

  it("refuses a custom lesson that expands past the limit, saying so", () => {
    const big = `${LESSON}${"A paragraph of prose, the same again and again.\n".repeat(6000)}`;
    expect(big.length).toBeGreaterThan(MAX_LESSON_CHARS);
    expect(readAddress("", `#custom/${lz(big)}`)).toEqual({
      kind: "broken",
      lesson: true,
      reason: "The lesson in this link is larger than 256 KB once expanded, more than a link may carry.",
    });
  });

  it("refuses code that expands past the limit, saying so", () => {
    const big = "print(1);\n".repeat(MAX_CODE_CHARS / 8);
    expect(readAddress("", `#code/${lz(big)}`)).toMatchObject({ kind: "broken", reason: expect.stringContaining("larger than 512 KB") });
  });

  it("opens links whose $ and + were percent-escaped on the way", () => {
    const code = "print(tf.constant([1, 2, 3]) * 2.0);\n".repeat(20);
    const escaped = lz(code).replace(/\$/g, "%24").replace(/\+/g, "%2B");
    expect(escaped).toContain("%");
    expect(readAddress("", `#code/${escaped}`)).toEqual({ kind: "code", program: { code, seed: null, run: null, language: "typescript" } });
    const lesson = lz(LESSON.repeat(3)).replace(/\$/g, "%24").replace(/\+/g, "%2B");
    expect(readAddress("", `#custom/${lesson}`)).toEqual({ kind: "lesson", route: { kind: "custom", text: LESSON.repeat(3), task: null, code: null, language: "typescript" } });
  });

  it("routes lessons, code links, nothing and other hashes", () => {
    expect(readAddress("", "#lesson/placeholders/feed-it")).toEqual({ kind: "lesson", route: { kind: "lesson", id: "placeholders", task: "feed-it", code: null, language: "typescript" } });
    expect(readAddress("?seed=4", `#code/${lz("print(1)")}`)).toEqual({ kind: "code", program: { code: "print(1)", seed: 4, run: null, language: "typescript" } });
    expect(readAddress("", `#py/${lz("print 1")}`)).toEqual({ kind: "code", program: { code: "print 1", seed: null, run: null, language: "python" } });
    expect(readAddress("", "")).toEqual({ kind: "none" });
    expect(readAddress("", "#")).toEqual({ kind: "none" });
    expect(readAddress("", "#intro")).toEqual({ kind: "unknown", hash: "intro" });
  });
});
