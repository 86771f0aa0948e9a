/**
 * The history of the learner's programs: a copy is taken before every Run, before a link or a
 * lesson replaces the editor's text, and when the page is closed, so that no text is ever lost.
 *
 * The list lives in memory (the History menu works even when storage does not) and in a
 * SnapshotStore (IndexedDB). Identical code is kept once (the newest copy); the oldest copies
 * go beyond MAX_SNAPSHOTS or MAX_CHARS. A store failure (a full disk: QuotaExceededError) is
 * reported to `onProblem`, never swallowed.
 */
import type { ProgramLanguage } from "../store/editorSlice";
import type { SnapshotStore } from "./db";
import type { HistoryEntry, Snapshot, SnapshotReason } from "./snapshot";

export const MAX_SNAPSHOTS = 200;
/** Characters of code kept at most (about 8 MB in UTF-16). */
export const MAX_CHARS = 4_000_000;

export interface HistoryListener {
  /** The list changed (newest first). */
  entries(list: readonly HistoryEntry[]): void;
  /** Storing failed (a sentence), or works again (null). */
  problem(message: string | null): void;
}

/** Why storing failed, in words a learner can act on. */
export function storageProblemText(error: unknown): string {
  const name = error instanceof DOMException || error instanceof Error ? error.name : "";
  if (name === "QuotaExceededError") return "the browser's storage for this page is full";
  const message = error instanceof Error ? error.message : String(error);
  return `the browser's storage refused it (${message})`;
}

export class ProgramHistory {
  private list: HistoryEntry[] = [];
  private nextKey = 1;
  /** Store operations run one after another, in the order they were asked for. */
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: SnapshotStore,
    private readonly listener: HistoryListener,
    private readonly limits = { maxSnapshots: MAX_SNAPSHOTS, maxChars: MAX_CHARS },
  ) {}

  get entries(): readonly HistoryEntry[] {
    return this.list;
  }

  /** Reads the stored history and merges it under what this page already took. */
  load(): Promise<void> {
    return this.enqueue(async () => {
      const stored = await this.store.load();
      const mine = new Set(this.list.flatMap((e) => (e.id === undefined ? [] : [e.id])));
      const known = new Set(this.list.map((e) => e.code));
      const older: HistoryEntry[] = [];
      const twins: number[] = [];
      for (const s of stored.sort((a, b) => b.time - a.time)) {
        if (s.id !== undefined && mine.has(s.id)) continue;
        if (known.has(s.code)) {
          // An older copy of code this page (or a newer stored copy) already has.
          if (s.id !== undefined) twins.push(s.id);
          continue;
        }
        known.add(s.code);
        older.push({ ...s, key: this.nextKey++, stored: true });
      }
      this.list = [...this.list, ...older].sort((a, b) => b.time - a.time);
      if (twins.length > 0) await this.store.remove(twins);
      await this.prune();
      this.listener.entries(this.list);
    });
  }

  /**
   * Takes a copy of `code`. Returns at once; storing happens in the background. Blank code and
   * code identical to an existing copy's (which moves to the top instead) add nothing new.
   */
  take(code: string, reason: SnapshotReason, lesson: string | null, time = Date.now(), language: ProgramLanguage = "typescript"): void {
    if (code.trim() === "") return;
    const twin = this.list.find((e) => e.code === code);
    if (twin) this.list = this.list.filter((e) => e !== twin);
    const entry: HistoryEntry = { time, code, reason, lesson, ...(language === "python" ? { language } : {}), key: this.nextKey++, stored: false };
    this.list = [entry, ...this.list];
    this.listener.entries(this.list);
    void this.enqueue(async () => {
      if (twin?.id !== undefined) await this.store.remove([twin.id]);
      const { key: _key, stored: _stored, id: _id, ...snapshot } = entry;
      entry.id = await this.store.add(snapshot);
      entry.stored = true;
      await this.prune();
      this.listener.entries(this.list);
    });
  }

  /** The entry with this key. */
  find(key: number): HistoryEntry | undefined {
    return this.list.find((e) => e.key === key);
  }

  /** Resolves once every store operation asked for so far has finished (for tests). */
  settled(): Promise<void> {
    return this.queue;
  }

  private enqueue(op: () => Promise<void>): Promise<void> {
    this.queue = this.queue.then(op).then(
      () => this.listener.problem(null),
      (error: unknown) => this.listener.problem(storageProblemText(error)),
    );
    return this.queue;
  }

  /** Drops the oldest copies beyond the limits (from memory and from the store). */
  private async prune(): Promise<void> {
    let chars = 0;
    const keep: HistoryEntry[] = [];
    const drop: HistoryEntry[] = [];
    for (const e of this.list) {
      chars += e.code.length;
      // The newest copy is always kept, however big.
      if (keep.length === 0 || (keep.length < this.limits.maxSnapshots && chars <= this.limits.maxChars)) keep.push(e);
      else drop.push(e);
    }
    if (drop.length === 0) return;
    this.list = keep;
    const ids = drop.flatMap((e) => (e.id === undefined ? [] : [e.id]));
    await this.store.remove(ids);
  }
}

export type { Snapshot };
