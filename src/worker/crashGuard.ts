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
 */
import { setCode, showBanner } from "../store";

const KEY = "tf-playground:running";

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

/** A run of `code` starts. */
export function noteRunStarted(code: string): void {
  try {
    storage()?.setItem(KEY, JSON.stringify({ code, at: Date.now() } satisfies RunningNote));
  } catch {
    // Storage full or disabled: the page works without the note.
  }
}

/** The run ended (or the page is being left normally). */
export function noteRunEnded(): void {
  try {
    storage()?.removeItem(KEY);
  } catch {
    // As above.
  }
}

/** The note left by a run the page died in, if any (and forgets it). */
export function takeInterruptedRun(): RunningNote | null {
  let raw: string | null = null;
  try {
    raw = storage()?.getItem(KEY) ?? null;
  } catch {
    return null;
  }
  noteRunEnded();
  if (raw === null) return null;
  try {
    const v = JSON.parse(raw) as Partial<RunningNote>;
    return typeof v.code === "string" && typeof v.at === "number" ? { code: v.code, at: v.at } : null;
  } catch {
    return null;
  }
}

/** At start-up: says so if the page died while a program ran, and offers its code back. */
export function installCrashGuard(): void {
  const run = takeInterruptedRun();
  if (run) {
    const when = new Date(run.at).toLocaleTimeString();
    showBanner({
      kind: "warning",
      text: `The page stopped while a program was running (started at ${when}): most likely the program used up the browser's memory. Its code is kept.`,
      action: { label: "Restore that program", run: () => setCode(run.code) },
    });
  }
  window.addEventListener("pagehide", noteRunEnded);
}
