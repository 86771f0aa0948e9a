import { describe, expect, it } from "vitest";
import { explainsFailure, firstSentence } from "./hints";

describe("firstSentence", () => {
  it("ends at the first full stop before a new sentence, not inside names or numbers", () => {
    expect(
      firstSentence("The sess.run on line 6 failed because placeholder 'Placeholder' (input_placeholder, line 1) was not fed. To compute 'add' the run needs it."),
    ).toBe("The sess.run on line 6 failed because placeholder 'Placeholder' (input_placeholder, line 1) was not fed.");
    expect(firstSentence("Multiply by 1.8 and add 32.0 to it")).toBe("Multiply by 1.8 and add 32.0 to it");
  });
});

describe("explainsFailure", () => {
  it("is true for the hints the explanation card repeats", () => {
    expect(explainsFailure({ code: "unfed-placeholder" })).toBe(true);
    expect(explainsFailure({ code: "uninitialized-variable" })).toBe(true);
    expect(explainsFailure({ code: "print-off-path" })).toBe(false);
  });
});
