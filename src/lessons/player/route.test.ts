import { compressToEncodedURIComponent } from "lz-string";
import { describe, expect, it } from "vitest";
import { lessonHash, parseLessonRoute } from "./route";

describe("parseLessonRoute", () => {
  it("reads a built-in lesson, with or without a task", () => {
    expect(parseLessonRoute("#lesson/placeholders")).toEqual({ kind: "lesson", id: "placeholders", task: null, code: null, language: "typescript" });
    expect(parseLessonRoute("#lesson/placeholders/feed-it")).toEqual({ kind: "lesson", id: "placeholders", task: "feed-it", code: null, language: "typescript" });
  });

  it("round-trips a lesson link that carries the learner's code, even for a task named code", () => {
    const code = "const x = tf.constant(1);\nprint(x);";
    expect(parseLessonRoute(lessonHash({ id: "l" }, "feed", code))).toEqual({ kind: "lesson", id: "l", task: "feed", code, language: "typescript" });
    expect(parseLessonRoute(lessonHash({ id: "l" }, "code", code))).toEqual({ kind: "lesson", id: "l", task: "code", code, language: "typescript" });
    expect(parseLessonRoute(lessonHash({ id: "l" }, null, code))).toEqual({ kind: "lesson", id: "l", task: null, code, language: "typescript" });
  });

  it("round-trips Python code in a lesson link as /py/, even for a task named py", () => {
    const code = "import tensorflow as tf\nprint(tf.constant(1))";
    expect(lessonHash({ id: "l" }, "feed", code, "python")).toBe(`#lesson/l/feed/py/${compressToEncodedURIComponent(code)}`);
    expect(parseLessonRoute(lessonHash({ id: "l" }, "feed", code, "python"))).toEqual({ kind: "lesson", id: "l", task: "feed", code, language: "python" });
    expect(parseLessonRoute(lessonHash({ id: "l" }, "py", code, "python"))).toEqual({ kind: "lesson", id: "l", task: "py", code, language: "python" });
    expect(parseLessonRoute(lessonHash({ text: "---\nid: mine\n---\n" }, null, code, "python"))).toMatchObject({ kind: "custom", code, language: "python" });
  });

  it("round-trips a custom lesson carried whole in the link", () => {
    const text = "---\nid: mine\n---\n";
    expect(parseLessonRoute(lessonHash({ text }, "t1"))).toEqual({ kind: "custom", text, task: "t1", code: null, language: "typescript" });
  });

  it("leaves other links alone", () => {
    expect(parseLessonRoute("#code/abc")).toBeNull();
    expect(parseLessonRoute("")).toBeNull();
  });

  it("explains a broken link instead of guessing", () => {
    expect(parseLessonRoute("#lesson/")).toEqual({ kind: "broken", reason: "This lesson link does not name a lesson." });
    expect(parseLessonRoute("#lesson/Not_An_Id")).toMatchObject({ kind: "broken", reason: '"Not_An_Id" is not a lesson id.' });
    expect(parseLessonRoute("#custom/%%%")).toMatchObject({ kind: "broken", reason: expect.stringContaining("could not be decoded") });
    expect(parseLessonRoute(`#lesson/x/t/code/${"@"}`)).toMatchObject({ kind: "broken" });
    expect(parseLessonRoute(`#lesson/x/t/extra/${compressToEncodedURIComponent("a")}`)).toMatchObject({ kind: "broken" });
  });
});
