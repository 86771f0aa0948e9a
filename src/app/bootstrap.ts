/**
 * Start-up, before React renders: restore preferences, read the URL (a share link's code is
 * loaded but not run, after a copy of the learner's code went to the history), restore the local
 * editor text, keep the playground's and the lessons' code apart (src/history/workspace.ts), load
 * the history, then keep the address bar in step with the store.
 */
import { shareUrl, type SharedProgram } from "../share/codec";
import { takeSnapshot, installHistory } from "../history/programHistory";
import { installWorkspace } from "../history/workspace";
import { loadFiles } from "../files/files";
import { loadCode, loadCodeLanguage, loadCodeTrusted, loadPrefs, savePrefs } from "../share/persistence";
import { selectRun, setCode, setLanguage, setSeed, setWelcome, showBanner, useStore, type ThemePreference } from "../store";
import type { ProgramLanguage } from "../store/editorSlice";
import { warmUpLanguage } from "./actions";
import { lessonPageUrl, openLessonRoute } from "../lessons/player/actions";
import { closePane } from "../lessons/player/store";
import { hashOf, installLessonPlayer } from "../lessons/player/wiring";
import { readAddress, unknownAddressText } from "./address";
import { DEFAULT_PROGRAM } from "./defaultProgram";
import { installTestHook } from "./testHook";
import { installPreview } from "./preview";
import { PAGE } from "./pageOptions";
import { shouldWelcome } from "./welcome";

interface Prefs {
  theme: ThemePreference;
  timeLimitSec: number;
  chartLog: boolean;
  chartSmoothing: number;
  chartCompare: boolean;
  graphValues: boolean;
  graphShapes: boolean;
  lessonRail: boolean;
  tabMovesFocus: boolean;
}

/** A run index from a share link, selected once that run exists. */
let pendingRun: number | null = null;
/** The playground's code at start-up (the editor may open on a lesson's). */
let startPlayground = DEFAULT_PROGRAM;
/** Whether it is the learner's own or ours (EditorState.trusted): never a link's. */
let startTrusted = true;
/** The language of the playground's code at start-up. */
let startLanguage: ProgramLanguage = "typescript";

export function bootstrap(): void {
  // Each step on its own: whatever goes wrong in one, the page still starts and says so.
  step(restorePrefs);
  step(loadInitialCode);
  step(() => installWorkspace(startPlayground, startTrusted, startLanguage));
  step(installHistory);
  // The program's stored files (checkpoints), read now so the first Run need not wait.
  step(() => void loadFiles());
  step(openLinksInPlace);
  step(keepInStep);
  step(installLessonPlayer);
  step(installTestHook);
  step(installPreview);
  step(warmUpStartLanguage);
}

/** A page that opens on a Python program starts loading Python once it is idle. */
function warmUpStartLanguage(): void {
  const warm = () => warmUpLanguage(useStore.getState().editor.language);
  const idle = () => (typeof requestIdleCallback === "function" ? requestIdleCallback(warm, { timeout: 2000 }) : setTimeout(warm, 500));
  window.addEventListener("playground:editor-ready", idle, { once: true });
}

function step(run: () => void): void {
  try {
    run();
  } catch (error) {
    if (useStore.getState().editor.code === "") setLocalCode(loadCode());
    showBanner({ kind: "error", text: `Part of the page could not start (${error instanceof Error ? error.message : String(error)}). Reload the page; your code is kept.` });
  }
}

function restorePrefs(): void {
  const p = loadPrefs<Prefs>();
  const { ui, layout } = useStore.getState();
  useStore.setState({
    ui: {
      ...ui,
      theme: p.theme === "light" || p.theme === "dark" || p.theme === "system" ? p.theme : ui.theme,
      timeLimitSec: typeof p.timeLimitSec === "number" && p.timeLimitSec >= 0 ? p.timeLimitSec : ui.timeLimitSec,
      chartLog: typeof p.chartLog === "boolean" ? p.chartLog : ui.chartLog,
      chartSmoothing: typeof p.chartSmoothing === "number" && p.chartSmoothing >= 0 && p.chartSmoothing < 1 ? p.chartSmoothing : ui.chartSmoothing,
      chartCompare: typeof p.chartCompare === "boolean" ? p.chartCompare : ui.chartCompare,
      graphValues: typeof p.graphValues === "boolean" ? p.graphValues : ui.graphValues,
      graphShapes: typeof p.graphShapes === "boolean" ? p.graphShapes : ui.graphShapes,
    },
    layout: {
      ...layout,
      lessonRail: typeof p.lessonRail === "boolean" ? p.lessonRail : layout.lessonRail,
      tabMovesFocus: typeof p.tabMovesFocus === "boolean" ? p.tabMovesFocus : layout.tabMovesFocus,
    },
  });
}

function loadInitialCode(): void {
  const local = loadCode();
  startPlayground = local ?? DEFAULT_PROGRAM;
  startTrusted = local === null || local === DEFAULT_PROGRAM || loadCodeTrusted();
  startLanguage = local === null ? "typescript" : loadCodeLanguage();
  const address = readAddress(location.search, location.hash);
  // A page with panes hidden was set up by someone (an instructor's link): no welcome there either.
  // The page saves the code when it is hidden, so the untouched starter is no sign of a visit.
  if (shouldWelcome({ linked: address.kind !== "none" || PAGE.hidden.size > 0, embed: PAGE.embed, hadCode: local !== null && local !== DEFAULT_PROGRAM })) setWelcome(true);
  switch (address.kind) {
    case "code":
      // The link's code replaces the learner's: a copy of theirs goes to the history first.
      if (local !== null) takeSnapshot("link", local, null, loadCodeLanguage());
      startPlayground = address.program.code;
      startTrusted = false;
      startLanguage = address.program.language ?? "typescript";
      // The address bar follows the code, so a reload of one's own page is not "opening a link".
      loadLink(address.program, !isReload() || address.program.code !== local);
      return;
    case "lesson":
      // Lesson links (#lesson/..., #custom/...) belong to the lesson player.
      setLocalCode(local);
      openLessonRoute(address.route);
      return;
    case "broken":
      setLocalCode(local);
      if (address.lesson) openLessonRoute({ kind: "broken", reason: address.reason });
      else brokenLink(address.reason);
      return;
    case "unknown":
      setLocalCode(local);
      showBanner({ kind: "warning", text: unknownAddressText(address.hash) });
      return;
    case "none":
      setLocalCode(local);
  }
}

/** The saved program (trusted as it was saved), or the default one (ours). */
function setLocalCode(local: string | null): void {
  if (local === null || local === DEFAULT_PROGRAM) setCode(local ?? DEFAULT_PROGRAM, true);
  else setCode(local, loadCodeTrusted());
  setLanguage(local === null ? "typescript" : loadCodeLanguage());
}

/**
 * A code link opened in the address bar of an open playground changes only the hash: the
 * browser does not reload, so the link is opened here, as at start-up (loaded, not run; a
 * broken one says so and keeps the editor's text). Our own replaceState fires no hashchange.
 */
function openLinksInPlace(): void {
  window.addEventListener("hashchange", (event) => {
    // The query did not change with the hash: it is the address bar's own, describing the code
    // that was here (its checksum would call the new code truncated). The hash alone counts:
    // the event's, as the address bar may have been rewritten since (keepInStep, a lesson).
    const address = readAddress("", hashOf(event));
    // Lesson links belong to the lesson player (its own listener); other hashes (an anchor in
    // lesson prose) change nothing.
    if (address.kind === "code") {
      // A code link is the playground's: an open lesson is left first (its code is kept).
      if (useStore.getState().lessons.open !== null) closePane();
      takeSnapshot("link");
      loadLink(address.program, true);
    } else if (address.kind === "broken" && !address.lesson) brokenLink(address.reason);
  });
}

/** Loads a link's program without running it (the banner says so). */
function loadLink(program: SharedProgram, announce: boolean): void {
  setCode(program.code, false);
  setLanguage(program.language ?? "typescript");
  setSeed(program.seed);
  pendingRun = program.run;
  if (announce) showBanner({ kind: "info", text: "This link's program is loaded but has not run. Press Run (Ctrl+Enter) to run it." });
}

function brokenLink(reason: string): void {
  showBanner({ kind: "error", text: `This link could not be opened. ${reason} Your own code was kept.` });
}

function keepInStep(): void {
  let urlTimer: ReturnType<typeof setTimeout> | null = null;
  const updateUrl = () => {
    if (urlTimer !== null) clearTimeout(urlTimer);
    urlTimer = setTimeout(() => {
      const s = useStore.getState();
      // In a lesson the address names the lesson and task (the Share button adds the code).
      const url =
        lessonPageUrl(location.href, false) ??
        shareUrl(location.href, {
          code: s.editor.code,
          seed: s.program.seed ?? s.editor.seed,
          run: s.selection.runPinned ? s.selection.run : null,
          language: s.editor.language,
        });
      if (url !== location.href) history.replaceState(null, "", url);
    }, 300);
  };
  // The code itself is saved by the workspace (src/history/workspace.ts): the playground's only.
  useStore.subscribe((s) => s.editor.code, updateUrl);
  useStore.subscribe((s) => s.editor.language, updateUrl);
  useStore.subscribe((s) => s.program.seed, updateUrl);
  useStore.subscribe((s) => (s.selection.runPinned ? s.selection.run : null), updateUrl);
  const prefs = (s: ReturnType<typeof useStore.getState>): Prefs => ({
    theme: s.ui.theme,
    timeLimitSec: s.ui.timeLimitSec,
    chartLog: s.ui.chartLog,
    chartSmoothing: s.ui.chartSmoothing,
    chartCompare: s.ui.chartCompare,
    graphValues: s.ui.graphValues,
    graphShapes: s.ui.graphShapes,
    lessonRail: s.layout.lessonRail,
    tabMovesFocus: s.layout.tabMovesFocus,
  });
  useStore.subscribe(prefs, (p) => savePrefs(p), { equalityFn: (a, b) => JSON.stringify(a) === JSON.stringify(b) });
  // A shared link's selected run is selected once the program has made it.
  useStore.subscribe(
    (s) => s.program.status,
    (status) => {
      if (pendingRun === null || status === "running") return;
      const s = useStore.getState();
      if (pendingRun < s.program.runCount) {
        const run = pendingRun;
        pendingRun = null;
        selectRun(run);
      }
    },
  );
}

function isReload(): boolean {
  const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined;
  return nav?.type === "reload";
}
