/**
 * Failures as editor markers: an error on the learner's line (the `sess.run` that failed, or
 * the line of an uncaught error) and, for a failed run, a related marker where the culprit op
 * was created — the line the learner usually has to fix.
 */
import type * as monacoNs from "monaco-editor";
import { runAt, useStore, type AppStateForMarkers } from "./storeView";
import type { EditorBinding } from "./types";

const OWNER = "tf-run";

export interface MarkerSpec {
  line: number;
  severity: "error" | "warning";
  message: string;
  related?: { line: number; message: string };
}

/** The markers for the current program state (pure, for tests). */
export function markerSpecs(s: AppStateForMarkers): MarkerSpec[] {
  const out: MarkerSpec[] = [];
  const selected = s.selection.run === null ? undefined : runAt(s.program.runs, s.selection.run);
  const failed = selected && !selected.ok ? selected : undefined;
  if (failed?.error && failed.line !== null) {
    const culprit = failed.error.op ? `\`${failed.error.op}\`` : "an op";
    const related = failed.error.line !== null && failed.error.line !== failed.line
      ? { line: failed.error.line, message: `${culprit} was created here` }
      : undefined;
    out.push({ line: failed.line, severity: "error", message: `Run ${failed.index} failed: ${failed.error.type}: ${failed.error.message}`, related });
    if (related) out.push({ line: related.line, severity: "warning", message: `${culprit}, created on this line, failed in run ${failed.index} (line ${failed.line}): ${failed.error.type}` });
  }
  const err = s.program.error;
  if (err?.line !== undefined && !out.some((m) => m.line === err.line && m.severity === "error")) {
    out.push({ line: err.line, severity: "error", message: `${err.type}: ${err.message}` });
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
        source: "run",
        startLineNumber: m.line,
        startColumn: model.getLineFirstNonWhitespaceColumn(m.line) || 1,
        endLineNumber: m.line,
        endColumn: model.getLineMaxColumn(m.line),
        relatedInformation: m.related && m.related.line <= lines
          ? [{ resource: model.uri, message: m.related.message, startLineNumber: m.related.line, startColumn: 1, endLineNumber: m.related.line, endColumn: model.getLineMaxColumn(m.related.line) }]
          : undefined,
      }));
    monaco.editor.setModelMarkers(model, OWNER, markers);
  };
  apply();
  const unsub = useStore.subscribe((s) => [s.program.error, s.program.runs, s.selection.run] as const, apply, {
    equalityFn: (a, b) => a[0] === b[0] && a[1] === b[1] && a[2] === b[2],
  });
  // Editing the code makes the markers stale: they are cleared until the next run.
  const edit = model.onDidChangeContent(() => {
    last = "";
    monaco.editor.setModelMarkers(model, OWNER, []);
  });
  return () => {
    unsub();
    edit.dispose();
    monaco.editor.setModelMarkers(model, OWNER, []);
  };
};
