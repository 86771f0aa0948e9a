import { describe, expect, it } from "vitest";
import type { SnapshotStore } from "./db";
import { ProgramHistory, storageProblemText } from "./history";
import type { HistoryEntry, Snapshot } from "./snapshot";
import { firstLine, whenText } from "./snapshot";

// --- Factories ----------------------------------------------------------------------------

/** A store in memory; `full` makes every add fail as a full disk does. */
function memoryStore(initial: Snapshot[] = []) {
  const rows = new Map<number, Snapshot>();
  let next = 1;
  for (const s of initial) rows.set(next, { ...s, id: next++ });
  const store = {
    full: false,
    rows,
    async load() {
      return [...rows.values()].map((s) => ({ ...s }));
    },
    async add(s: Omit<Snapshot, "id">) {
      if (store.full) throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
      rows.set(next, { ...s, id: next });
      return next++;
    },
    async remove(ids: readonly number[]) {
      for (const id of ids) rows.delete(id);
    },
  };
  return store satisfies SnapshotStore & { full: boolean };
}

function history(store: SnapshotStore, limits?: { maxSnapshots: number; maxChars: number }) {
  const seen = { entries: [] as readonly HistoryEntry[], problems: [] as (string | null)[] };
  const h = new ProgramHistory(store, { entries: (l) => (seen.entries = l), problem: (p) => seen.problems.push(p) }, limits);
  return { h, seen };
}

const codes = (list: readonly { code: string }[]) => list.map((e) => e.code);

// --- Tests --------------------------------------------------------------------------------

describe("ProgramHistory", () => {
  it("records a Python program's language with its copy, and leaves TypeScript copies as before", async () => {
    const store = memoryStore();
    const { h, seen } = history(store);
    h.take("print 1", "run", null, 1, "python");
    h.take("print(2)", "run", null, 2, "typescript");
    expect(seen.entries.map((e) => [e.code, e.language])).toEqual([
      ["print(2)", undefined],
      ["print 1", "python"],
    ]);
    await h.settled();
    expect([...store.rows.values()].map((s) => s.language)).toEqual(["python", undefined]);
  });

  it("keeps copies newest first, in memory at once and in the store soon after", async () => {
    const store = memoryStore();
    const { h, seen } = history(store);
    h.take("print(1)", "run", null, 1);
    h.take("print(2)", "lesson", "sessions", 2);
    expect(codes(seen.entries)).toEqual(["print(2)", "print(1)"]);
    await h.settled();
    expect([...store.rows.values()].map((s) => [s.code, s.reason, s.lesson])).toEqual([
      ["print(1)", "run", null],
      ["print(2)", "lesson", "sessions"],
    ]);
    expect(seen.entries.every((e) => e.stored)).toBe(true);
  });

  it("keeps identical code once, moving it to the top, and ignores blank code", async () => {
    const store = memoryStore();
    const { h, seen } = history(store);
    h.take("a", "run", null, 1);
    h.take("b", "run", null, 2);
    h.take("a", "link", null, 3);
    h.take("  \n", "run", null, 4);
    expect(seen.entries.map((e) => [e.code, e.reason])).toEqual([
      ["a", "link"],
      ["b", "run"],
    ]);
    await h.settled();
    expect(codes([...store.rows.values()]).sort()).toEqual(["a", "b"]);
  });

  it("merges what earlier visits stored under this page's copies", async () => {
    const store = memoryStore([
      { time: 5, code: "old", reason: "leave", lesson: null },
      { time: 6, code: "same", reason: "run", lesson: null },
    ]);
    const { h, seen } = history(store);
    h.take("same", "run", null, 10);
    h.take("new", "run", null, 11);
    await h.load();
    expect(codes(seen.entries)).toEqual(["new", "same", "old"]);
    await h.settled();
    expect(codes([...store.rows.values()]).sort()).toEqual(["new", "old", "same"]);
  });

  it("drops the oldest copies beyond the limits, always keeping the newest", async () => {
    const store = memoryStore();
    const { h, seen } = history(store, { maxSnapshots: 3, maxChars: 10 });
    for (const [i, c] of ["aa", "bb", "cc", "dd"].entries()) h.take(c, "run", null, i);
    await h.settled();
    expect(codes(seen.entries)).toEqual(["dd", "cc", "bb"]);
    expect(store.rows.size).toBe(3);
    h.take("x".repeat(50), "run", null, 9);
    await h.settled();
    expect(seen.entries).toHaveLength(1);
  });

  it("says when the store is full, keeps the copy in memory, and says when storing works again", async () => {
    const store = memoryStore();
    const { h, seen } = history(store);
    store.full = true;
    h.take("mine", "run", null, 1);
    await h.settled();
    expect(seen.problems.at(-1)).toBe("the browser's storage for this page is full");
    expect(seen.entries).toMatchObject([{ code: "mine", stored: false }]);
    store.full = false;
    h.take("later", "run", null, 2);
    await h.settled();
    expect(seen.problems.at(-1)).toBeNull();
  });

  it("reports a store that cannot even be opened, without losing the in-memory list", async () => {
    const broken: SnapshotStore = {
      load: () => Promise.reject(new Error("this browser has no IndexedDB")),
      add: () => Promise.reject(new Error("this browser has no IndexedDB")),
      remove: () => Promise.reject(new Error("this browser has no IndexedDB")),
    };
    const { h, seen } = history(broken);
    h.take("kept", "run", null, 1);
    await h.load();
    expect(codes(seen.entries)).toEqual(["kept"]);
    expect(seen.problems.at(-1)).toBe("the browser's storage refused it (this browser has no IndexedDB)");
    expect(storageProblemText(new DOMException("x", "QuotaExceededError"))).toMatch(/full/);
  });
});

describe("firstLine and whenText", () => {
  it("describe a copy by its first written line and a short time", () => {
    expect(firstLine("\n\n  const a = tf.constant(1);\nprint(a)")).toBe("const a = tf.constant(1);");
    expect(firstLine("   \n")).toBe("(empty)");
    expect(firstLine("x".repeat(100))).toHaveLength(60);
    const now = new Date(2026, 11, 7, 18, 0).getTime();
    expect(whenText(new Date(2026, 11, 7, 9, 5).getTime(), now)).toMatch(/09.05|9.05/);
    expect(whenText(new Date(2025, 0, 2, 9, 5).getTime(), now)).toMatch(/2025/);
  });
});
