/**
 * What the page says while Python loads, in its banner with a progress bar: "Loading Python…
 * 3.1 of 12.1 MB" (or "…from the browser's cache…") while Pyodide's files arrive, then
 * "Starting Python…" until a worker reports that it booted (its `booted` message), then
 * nothing. Later runs that wait for a spare worker still booting say "Starting Python…" after
 * a moment. The banner shows over no other message unless a run waits for Python (then the
 * learner wants to know why nothing happens); a learner who dismisses it is not shown it again
 * for this load. Back in TypeScript, the banner goes (Python goes on loading, quietly).
 */
import { showBanner, useStore, type Banner } from "../store";
import { loadPythonAssets, type AssetsProgress } from "./python_assets";

type Phase = "idle" | "loading" | "starting" | "ready";

let phase: Phase = "idle";
let bytes: AssetsProgress | null = null;
/** Our banner as last shown (another one in its place, or none, means it was replaced or dismissed). */
let shown: Banner | null = null;
/** A run waits for Python: show the banner even over another message. */
let waitingRun = false;
/** A run waits for a spare worker that is still booting (Python itself is loaded). */
let spareBooting = false;
let spareTimer: ReturnType<typeof setTimeout> | null = null;
let lastRender = 0;
let renderTimer: ReturnType<typeof setTimeout> | null = null;
/** The learner dismissed the banner (or another message replaced it) during this load. */
let dismissed = false;

const MB = (n: number) => (n / 1e6).toFixed(1);

/** The banner for the current phase (null: nothing to say, as when the learner went back to TypeScript). */
function bannerNow(): Banner | null {
  if (useStore.getState().editor.language !== "python" && !waitingRun) return null;
  if (phase === "loading" && bytes !== null) {
    return {
      kind: "info",
      text: bytes.cached ? "Loading Python from the browser's cache…" : "Loading Python…",
      progress: { value: bytes.loaded, max: bytes.total, label: `${MB(bytes.loaded)} of ${MB(bytes.total)} MB` },
    };
  }
  if (phase === "starting" || (phase === "ready" && spareBooting)) {
    const cached = phase === "starting" && bytes?.cached;
    return { kind: "info", text: cached ? "Starting Python (its files came from the browser's cache)…" : "Starting Python…", progress: { value: null, max: 0, label: "" } };
  }
  return null;
}

function render(): void {
  const current = useStore.getState().ui.banner;
  const ours = shown !== null && current === shown;
  // Gone since we last showed it: the learner dismissed it, or another message took its place.
  if (shown !== null && !ours) dismissed = true;
  const next = bannerNow();
  if (next === null) {
    if (ours) showBanner(null);
    shown = null;
    return;
  }
  // Over another message, or after a dismissal, only while a run waits for Python.
  if (!waitingRun && !ours && (dismissed || current !== null)) {
    shown = null;
    return;
  }
  shown = next;
  showBanner(next);
}

/** Pyodide's files (loading them once), with the page saying how far the download got. */
export function startPythonLoading(): ReturnType<typeof loadPythonAssets> {
  if (phase !== "idle") return loadPythonAssets();
  phase = "loading";
  dismissed = false;
  const assets = loadPythonAssets((p) => {
    bytes = p;
    // At most ~10 renders a second (the bar moves smoothly without a store update per
    // chunk), and always one with the latest count.
    if (phase !== "loading" || renderTimer !== null) return;
    const wait = p.loaded === 0 ? 0 : Math.max(0, lastRender + 100 - performance.now());
    renderTimer = setTimeout(() => {
      renderTimer = null;
      lastRender = performance.now();
      if (phase === "loading") render();
    }, wait);
  });
  assets.then(
    () => {
      if (phase !== "loading") return;
      phase = "starting";
      render();
    },
    (error: unknown) => {
      // The next worker (the next Run) tries again.
      phase = "idle";
      const ours = shown !== null && useStore.getState().ui.banner === shown;
      shown = null;
      if (ours || waitingRun) showBanner({ kind: "warning", text: `Python could not be loaded (${error instanceof Error ? error.message : String(error)}). Run tries again.` });
    },
  );
  return assets;
}

/** A Python worker booted: Python is up. */
export function pythonBooted(): void {
  phase = "ready";
  spareBooting = false;
  if (spareTimer !== null) clearTimeout(spareTimer);
  render();
}

/** A run waits for its Python worker (Run before Python is up): the banner shows at once. */
export function runWaitsForPython(): void {
  waitingRun = true;
  if (phase === "ready") {
    // Python is loaded; the run's worker may still be booting: say so if it takes a moment.
    spareTimer = setTimeout(() => {
      spareBooting = true;
      render();
    }, 300);
    return;
  }
  render();
}

/** The run's worker reported (or the run stopped): nothing is waited for any more. */
export function runStoppedWaiting(): void {
  waitingRun = false;
  if (spareTimer !== null) clearTimeout(spareTimer);
  spareTimer = null;
  if (spareBooting) {
    spareBooting = false;
    render();
  }
}

// The language switch shows or hides what is said (a no-op while Python is not loading).
useStore.subscribe(
  (s) => s.editor.language,
  () => {
    if (phase === "loading" || phase === "starting") render();
  },
);
