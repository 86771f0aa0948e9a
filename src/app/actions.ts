/**
 * What the toolbar and the keyboard shortcuts do: plain functions over the store and the
 * worker client, so the editor (outside React's tree of handlers) can call them too.
 */
import { chooseLessonLanguage, lessonPageUrl } from "../lessons/player/actions";
import { takeSnapshot } from "../history/programHistory";
import { savePlayground } from "../history/workspace";
import { shareUrl } from "../share/codec";
import { setCode, setLanguage, showBanner, showTab, useStore } from "../store";
import type { ProgramLanguage } from "../store/editorSlice";
import { DEFAULT_PROGRAM } from "./defaultProgram";
import { programClient, type ProgramClient } from "../worker/client";
import { COMPACT_QUERY } from "./layout/useMediaQuery";
import { dismissWelcome } from "./welcome";

/** The client that runs programs of the current language (Python's is loaded on first use). */
function clientFor(language: "typescript" | "python"): Promise<ProgramClient> {
  if (language === "typescript") return Promise.resolve(programClient());
  return import("../worker/python_client").then((m) => m.pythonClient());
}

let lastClient: ProgramClient | null = null;

export function runCode(): void {
  const s = useStore.getState();
  takeSnapshot("run");
  savePlayground();
  const { code, seed, language } = s.editor;
  const limit = s.ui.timeLimitSec;
  const start = (client: ProgramClient) => {
    // A run of the other language in progress stops first.
    if (lastClient !== null && lastClient !== client) lastClient.stop("Stopped by a new run");
    lastClient = client;
    client.run(code, seed, limit);
  };
  if (language === "typescript") start(programClient());
  else void clientFor(language).then(start);
  if (s.ui.banner?.kind === "info") showBanner(null);
  // Someone who runs a program has found their way: the welcome is not needed any more.
  if (s.layout.welcome) dismissWelcome();
  // On a phone the code's tab hides what the run does: show the graph.
  if (s.layout.tab === "code" && typeof matchMedia === "function" && matchMedia(COMPACT_QUERY).matches) showTab("graph");
}

export function stopCode(): void {
  if (useStore.getState().program.status === "running") (lastClient ?? programClient()).stop("Stopped");
}

/**
 * Switches the program's language; Python starts loading in the background at once. The text
 * stays (it is the learner's), except our own starter program or an empty editor, which become
 * the starter in the new language. The language changes at once (a Run right after runs the new
 * language); the starter follows when its module is in, unless the text changed meanwhile.
 */
export function chooseLanguage(language: ProgramLanguage): void {
  // In a lesson, the lesson follows: its code in that language (each language keeps its draft).
  if (chooseLessonLanguage(language)) return warmUpLanguage(useStore.getState().editor.language);
  const { code, language: before } = useStore.getState().editor;
  setLanguage(language);
  warmUpLanguage(language);
  if (before === language) return;
  // The Python starter is Python-only bytes: it loads with the switch, not with the page.
  void import("./pythonStarter").then(({ DEFAULT_PYTHON_PROGRAM }) => {
    const starters = { typescript: DEFAULT_PROGRAM, python: DEFAULT_PYTHON_PROGRAM };
    const now = useStore.getState().editor;
    if (now.code !== code || now.language !== language) return;
    if (code.trim() === "" || code === starters[before]) setCode(starters[language], true);
  });
}

/** Starts loading what running `language` needs (Python: Pyodide and a booted worker). */
export function warmUpLanguage(language: ProgramLanguage): void {
  if (language === "python") void import("../worker/python_client").then((m) => m.warmUpPythonClient());
}

/** The share link for the current code, seed and selected run; in a lesson, the lesson's link with the code. */
export function currentShareUrl(): string {
  const lesson = lessonPageUrl(location.href, true);
  if (lesson !== null) return lesson;
  const s = useStore.getState();
  const seed = s.program.seed ?? s.editor.seed;
  return shareUrl(location.href, { code: s.editor.code, seed, run: s.selection.runPinned ? s.selection.run : null, language: s.editor.language });
}

/** Puts the share link in the address bar and on the clipboard, and says so. */
export async function shareCode(): Promise<void> {
  const url = currentShareUrl();
  history.replaceState(null, "", url);
  let copied = false;
  try {
    await navigator.clipboard.writeText(url);
    copied = true;
  } catch {
    // No clipboard permission (or an insecure origin): the banner shows the link to copy.
  }
  showBanner({ kind: "success", text: copied ? "Link copied to the clipboard." : "Copy this link to share the program:", link: url });
}
