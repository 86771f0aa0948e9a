/**
 * Before the first Run, the graph pane shows the graph the editor's program would build,
 * dimmed and labelled "not run yet". It comes from a build-only pass (src/worker/preview.ts:
 * a fresh sandboxed worker, stopped at the program's first `sess.run` or after a short time
 * limit), made only for text that is the learner's own or ours — never a link's code
 * (`editor.trusted`) — a moment after the typing stops, and never once a program has run.
 * Python programs get no preview: building one would mean loading Pyodide before any Run.
 */
import { setPreview, useStore } from "../store";
import { buildOnly } from "../worker/preview";

/** Typing pauses this long before the program is built again. */
export const PREVIEW_DELAY_MS = 600;

/** Only our own or the learner's TypeScript is built before it is run. */
function previewable(editor: { trusted: boolean; language: string }): boolean {
  return editor.trusted && editor.language === "typescript";
}

export function installPreview(): void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let signal = { cancelled: false };

  const start = async (): Promise<void> => {
    const s = useStore.getState();
    if (s.program.runId !== 0 || !previewable(s.editor)) return;
    const source = s.editor.code;
    const mine = (signal = { cancelled: false });
    const nodes = await buildOnly(source, mine);
    const now = useStore.getState();
    // Too slow, cancelled, or overtaken by a Run or by more typing: nothing to show from it.
    if (nodes === null || mine.cancelled || now.program.runId !== 0 || now.editor.code !== source) return;
    setPreview({ nodes, source });
  };

  const schedule = (): void => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    signal.cancelled = true;
    const s = useStore.getState();
    if (s.program.runId !== 0) return;
    if (!previewable(s.editor)) {
      setPreview(null);
      return;
    }
    if (s.program.preview?.source === s.editor.code) return;
    timer = setTimeout(() => void start(), PREVIEW_DELAY_MS);
  };

  // The first pass waits for the editor to be ready and the page idle: start-up (Monaco, the
  // first paint) comes first on a busy machine.
  let started = false;
  const begin = (): void => {
    if (started) return;
    started = true;
    useStore.subscribe((s) => [s.editor.code, s.editor.trusted, s.program.runId, s.editor.language] as const, schedule, {
      equalityFn: (a, b) => a[0] === b[0] && a[1] === b[1] && a[2] === b[2] && a[3] === b[3],
    });
    schedule();
  };
  const idle = (): void => {
    if (typeof requestIdleCallback === "function") requestIdleCallback(begin, { timeout: 1000 });
    else setTimeout(begin, 200);
  };
  window.addEventListener("playground:editor-ready", idle, { once: true });
  // A page without the editor (an embed that hides it) starts after a while anyway.
  setTimeout(idle, 5000);
}
