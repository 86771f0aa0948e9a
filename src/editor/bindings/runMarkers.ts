/**
 * Failures as editor markers: an error on the learner's line (the `sess.run` that failed, or
 * the line of an uncaught error) and, for a failed run, a related marker where the culprit op
 * was created — the line the learner usually has to fix. A failed run's marker says why in one
 * line and links to the full explanation beside the graph (`playground:explain/<run>`).
 */
import type * as monacoNs from "monaco-editor";
import { failureHeadline } from "../../ui/failure";
import { programNames } from "../../ui/programNames";
import { requestExplanation, selectRun } from "../../store";
import { runAt, useStore, type AppStateForMarkers } from "./storeView";
import type { EditorBinding } from "./types";

const OWNER = "tf-run";
const EXPLAIN_SCHEME = "playground";

export interface MarkerSpec {
  line: number;
  severity: "error" | "warning";
  message: string;
  related?: { line: number; message: string };
  /** The failed run whose explanation the marker links to. */
  explains?: number;
}

const plain = (text: string) => text.replace(/`/g, "");

function firstLine(message: string): string {
  const i = message.indexOf("\n");
  return i < 0 ? message : message.slice(0, i);
}

/** The markers for the current program state (pure, for tests). */
export function markerSpecs(s: AppStateForMarkers): MarkerSpec[] {
  const out: MarkerSpec[] = [];
  const selected = s.selection.run === null ? undefined : runAt(s.program.runs, s.selection.run);
  const failed = selected && !selected.ok ? selected : undefined;
  if (failed?.error && failed.line !== null) {
    const names = programNames(s.program.nodes, s.program.source);
    const reason = plain(failureHeadline(failed, names) ?? failed.error.type);
    const culprit = failed.error.op ? (names.nameOf(failed.error.op, failed.graph) ?? failed.error.op) : "an op";
    const related = failed.error.line !== null && failed.error.line !== failed.line
      ? { line: failed.error.line, message: `${culprit} was created here` }
      : undefined;
    out.push({ line: failed.line, severity: "error", message: `Run ${failed.index} failed: ${reason} (${failed.error.type})`, related, explains: failed.index });
    if (related) out.push({ line: related.line, severity: "warning", message: `${culprit}, created on this line: run ${failed.index} (line ${failed.line}) failed here: ${reason}`, explains: failed.index });
  }
  const err = s.program.error;
  if (err?.line !== undefined && !out.some((m) => m.line === err.line && m.severity === "error")) {
    out.push({ line: err.line, severity: "error", message: `${err.type}: ${firstLine(err.message)}` });
  }
  return out;
}

export const runMarkers: EditorBinding = (editor, monaco) => {
  const model = editor.getModel();
  if (!model) return () => undefined;
  let last = "";
  const apply = () => {
    const specs = markerSpecs(useStore.getState());
    // Batches arrive every frame while a loop runs; the markers rarely change.
    const key = JSON.stringify(specs);
    if (key === last) return;
    last = key;
    const lines = model.getLineCount();
    const markers: monacoNs.editor.IMarkerData[] = specs
      .filter((m) => m.line >= 1 && m.line <= lines)
      .map((m) => ({
        severity: m.severity === "error" ? monaco.MarkerSeverity.Error : monaco.MarkerSeverity.Warning,
        message: m.message,
        source: m.explains === undefined ? "run" : undefined,
        startLineNumber: m.line,
        startColumn: model.getLineFirstNonWhitespaceColumn(m.line) || 1,
        endLineNumber: m.line,
        endColumn: model.getLineMaxColumn(m.line),
        code: m.explains === undefined ? undefined : { value: "Why, and how to fix it →", target: monaco.Uri.parse(`${EXPLAIN_SCHEME}:explain/${m.explains}`) },
        relatedInformation: m.related && m.related.line <= lines
          ? [{ resource: model.uri, message: m.related.message, startLineNumber: m.related.line, startColumn: 1, endLineNumber: m.related.line, endColumn: model.getLineMaxColumn(m.related.line) }]
          : undefined,
      }));
    monaco.editor.setModelMarkers(model, OWNER, markers);
  };
  apply();
  // The marker's link opens the explanation card of its run.
  const opener = monaco.editor.registerLinkOpener({
    open(resource) {
      if (resource.scheme !== EXPLAIN_SCHEME) return false;
      const run = Number(/^explain\/(\d+)$/.exec(resource.path)?.[1]);
      if (Number.isInteger(run) && useStore.getState().selection.run !== run) selectRun(run);
      requestExplanation();
      return true;
    },
  });
  const unsub = useStore.subscribe((s) => [s.program.error, s.program.runs, s.selection.run] as const, apply, {
    equalityFn: (a, b) => a[0] === b[0] && a[1] === b[1] && a[2] === b[2],
  });
  // Editing the code makes the markers stale: they are cleared until the next run.
  const edit = model.onDidChangeContent(() => {
    last = "";
    monaco.editor.setModelMarkers(model, OWNER, []);
  });
  return () => {
    opener.dispose();
    unsub();
    edit.dispose();
    monaco.editor.setModelMarkers(model, OWNER, []);
  };
};
