/**
 * What the page can do about a program that crashes the whole tab.
 *
 * Measured in Chromium: a program that fills the worker's JavaScript heap (a loop pushing
 * copies of a big array; ≈ 4 GB here) kills the page's renderer with the worker, and nothing
 * in the page can catch that. (The engine allocates typed arrays, whose failure is an ordinary
 * RangeError the runner reports as MemoryError: those runs end normally.) So the page notes
 * the running program in localStorage when a run starts and forgets it when the run ends or
 * the page is left; a note found at the next load means the page died mid-run, and the
 * banner says so and offers the program's code back.
 *
 * Every tab writes its own note (the key carries the tab's id) and holds a Web Lock named by
 * that id for as long as it lives: the browser releases a dead tab's locks. At load, a note
 * is a crash only when no living tab holds its lock, so opening a second tab while the
 * first one runs a long program neither raises a false alarm nor deletes the first tab's
 * note. Without Web Locks (very old browsers) every note found is treated as a crash.
 */
import { setCode, showBanner } from "../store";

const PREFIX = "tf-playground:running";
const LOCK_PREFIX = "tf-playground:tab:";

interface RunningNote {
  code: string;
  at: number;
}

function storage(): Storage | null {
  try {
    return typeof localStorage === "undefined" ? null : localStorage;
  } catch {
    return null;
  }
}

function newTabId(): string {
  try {
    return crypto.randomUUID();
  } catch {
    return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
  }
}

const tabId = newTabId();
const ownKey = `${PREFIX}:${tabId}`;

/** A run of `code` starts. */
export function noteRunStarted(code: string): void {
  try {
    storage()?.setItem(ownKey, JSON.stringify({ code, at: Date.now() } satisfies RunningNote));
  } catch {
    // Storage full or disabled: the page works without the note.
  }
}

/** The run ended (or the page is being left normally). */
export function noteRunEnded(): void {
  try {
    storage()?.removeItem(ownKey);
  } catch {
    // As above.
  }
}

function parseNote(raw: string | null): RunningNote | null {
  if (raw === null) return null;
  try {
    const v = JSON.parse(raw) as Partial<RunningNote>;
    return typeof v.code === "string" && typeof v.at === "number" ? { code: v.code, at: v.at } : null;
  } catch {
    return null;
  }
}

/** The tab id a note's key names ("" for the single key of earlier versions), or null. */
function tabOfKey(key: string): string | null {
  if (key === PREFIX) return "";
  return key.startsWith(`${PREFIX}:`) ? key.slice(PREFIX.length + 1) : null;
}

/** Names of the Web Locks living tabs hold, or null when the browser has no Web Locks. */
async function livingTabs(): Promise<Set<string> | null> {
  const locks = typeof navigator === "undefined" ? undefined : navigator.locks;
  if (!locks) return null;
  try {
    const { held = [] } = await locks.query();
    return new Set(held.map((l) => l.name ?? "").filter((n) => n.startsWith(LOCK_PREFIX)).map((n) => n.slice(LOCK_PREFIX.length)));
  } catch {
    return null;
  }
}

/**
 * The latest note left by a tab that died mid-run, if any; every dead tab's note is
 * forgotten, living tabs' notes are left alone.
 */
export async function takeInterruptedRun(): Promise<RunningNote | null> {
  const store = storage();
  if (!store) return null;
  const living = await livingTabs();
  let latest: RunningNote | null = null;
  try {
    const keys: string[] = [];
    for (let i = 0; i < store.length; i++) {
      const key = store.key(i);
      if (key !== null) keys.push(key);
    }
    for (const key of keys) {
      const tab = tabOfKey(key);
      if (tab === null || tab === tabId || (living !== null && living.has(tab))) continue;
      const note = parseNote(store.getItem(key));
      store.removeItem(key);
      if (note && (latest === null || note.at > latest.at)) latest = note;
    }
  } catch {
    return latest;
  }
  return latest;
}

/** Holds this tab's lock until the tab dies (the browser then releases it). */
function holdTabLock(): Promise<void> {
  const locks = typeof navigator === "undefined" ? undefined : navigator.locks;
  if (!locks) return Promise.resolve();
  return new Promise<void>((granted) => {
    locks
      .request(LOCK_PREFIX + tabId, () => {
        granted();
        return new Promise<never>(() => {});
      })
      .catch(() => granted());
  });
}

/** At start-up: says so if a page died while a program ran, and offers its code back. */
export function installCrashGuard(): void {
  window.addEventListener("pagehide", noteRunEnded);
  void holdTabLock()
    .then(takeInterruptedRun)
    .then((run) => {
      // Tests (and curious readers of the DOM) can tell the check has been made.
      document.documentElement.dataset.crashGuard = "checked";
      if (!run) return;
      const when = new Date(run.at).toLocaleTimeString();
      showBanner({
        kind: "warning",
        text: `The page stopped while a program was running (started at ${when}): most likely the program used up the browser's memory. Its code is kept.`,
        action: { label: "Restore that program", run: () => setCode(run.code, false) },
      });
    });
}
