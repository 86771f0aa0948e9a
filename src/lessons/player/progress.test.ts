import { describe, expect, it } from "vitest";
import type { Lesson } from "../lesson";
import { parseCheck } from "../checks/grammar";
import { contentHash, isFailureTask, lessonsDone, lessonStatus, loadProgress, markDone, saveProgress, tasksDone, withCode, type Progress } from "./progress";

function lesson(more: Partial<Lesson> = {}): Lesson {
  const both = (text: string) => ({ typescript: text, python: text });
  const task = (id: string) => ({ id, title: id, statement: both("do it"), checks: [], checksOnly: { typescript: [], python: [] }, hints: [], solution: { typescript: "", python: null }, starterPasses: false, line: 1 });
  return { id: "l", title: "L", order: 1, summary: "s", requires: [], prose: both("p"), starter: { typescript: "start", python: null }, tasks: [task("a"), task("b")], file: "l.md", ...more };
}

/** A Storage in memory. */
function memoryStorage(): Storage {
  const m = new Map<string, string>();
  return {
    getItem: (k) => m.get(k) ?? null,
    setItem: (k, v) => void m.set(k, v),
    removeItem: (k) => void m.delete(k),
    clear: () => m.clear(),
    key: (i) => [...m.keys()][i] ?? null,
    get length() {
      return m.size;
    },
  };
}

describe("lessonStatus", () => {
  it("goes from new to started to done as tasks pass", () => {
    const l = lesson();
    let p: Progress = {};
    expect(lessonStatus(p, l)).toBe("new");
    p = markDone(p, l, "a");
    expect(lessonStatus(p, l)).toBe("started");
    p = markDone(p, l, "b");
    expect(lessonStatus(p, l)).toBe("done");
  });

  it("shows a completed lesson whose content changed as changed", () => {
    const l = lesson();
    const p = markDone(markDone({}, l, "a"), l, "b");
    expect(lessonStatus(p, lesson({ prose: { typescript: "new text", python: "new text" } }))).toBe("changed");
    expect(lessonStatus(p, lesson({ file: "moved.md" }))).toBe("done");
  });

  it("counts saved code alone as started", () => {
    expect(lessonStatus(withCode({}, lesson(), "mine"), lesson())).toBe("started");
  });
});

describe("markDone", () => {
  it("forgets the tasks done in an older version of the lesson", () => {
    const old = markDone({}, lesson(), "a");
    const changed = lesson({ starter: { typescript: "different", python: null } });
    expect(markDone(old, changed, "b")[changed.id]).toEqual({ hash: contentHash(changed), done: ["b"] });
  });

  it("returns the same object when the task was already done", () => {
    const p = markDone({}, lesson(), "a");
    expect(markDone(p, lesson(), "a")).toBe(p);
  });
});

describe("withCode", () => {
  it("drops the code when it is the starter again", () => {
    const p = withCode(withCode({}, lesson(), "mine"), lesson(), "start");
    expect(p.l.code).toBeUndefined();
  });
});

describe("loadProgress and saveProgress", () => {
  it("round-trip through storage and drop malformed entries", () => {
    const s = memoryStorage();
    const p = withCode(markDone({}, lesson(), "a"), lesson(), "mine");
    saveProgress(p, s);
    expect(loadProgress(s)).toEqual(p);
    s.setItem("tf-playground:lessons", JSON.stringify({ ok: { hash: "h", done: ["x"] }, bad: { hash: 3 }, worse: null }));
    expect(loadProgress(s)).toEqual({ ok: { hash: "h", done: ["x"] } });
    s.setItem("tf-playground:lessons", "{not json");
    expect(loadProgress(s)).toEqual({});
  });
});

describe("isFailureTask", () => {
  it("is true for a task whose checks want a run or the program to fail, not for 'no run fails'", () => {
    const parsed = (check: string) => parseCheck(check, 1);
    expect(isFailureTask({ checks: [parsed("the first run fails with InvalidArgumentError at `Placeholder`")] })).toBe(true);
    expect(isFailureTask({ checks: [parsed('the program fails with ValueError saying "already exists"')] })).toBe(true);
    expect(isFailureTask({ checks: [parsed("no run fails"), parsed("some run returns 77")] })).toBe(false);
    expect(isFailureTask({ checks: [parsed("the last run does not fail")] })).toBe(false);
  });
});

describe("tasksDone and lessonsDone", () => {
  it("count the tasks and lessons done, not those of a lesson that changed since", () => {
    const l = lesson();
    let p: Progress = markDone({}, l, "a");
    expect(tasksDone(p, l)).toBe(1);
    expect(lessonsDone(p, [l])).toBe(0);
    p = markDone(p, l, "b");
    expect(lessonsDone(p, [l, lesson({ id: "other" })])).toBe(1);
    expect(tasksDone(p, lesson({ prose: { typescript: "changed", python: "changed" } }))).toBe(0);
  });
});
