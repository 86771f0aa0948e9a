/**
 * The failed run's quick fixes (src/editor/quickFixes.ts) as Monaco code actions on its
 * markers: the light bulb, Ctrl+. and the marker's hover ("Quick Fix…") offer "Feed
 * `input_placeholder` in this run" or "Run the initializer first". They are offered only while
 * the editor holds the text that ran (its lines are the run's lines; editing clears the markers
 * too), and applying one is one undoable edit.
 */
import { programNames } from "../../ui/programNames";
import { quickFixes } from "../quickFixes";
import { runAt, useStore } from "./storeView";
import type { EditorBinding } from "./types";

export const quickFixActions: EditorBinding = (editor, monaco) => {
  const model = editor.getModel();
  if (!model) return () => undefined;
  const provider = monaco.languages.registerCodeActionProvider(
    "typescript",
    {
      provideCodeActions(m, range, context) {
        if (m !== model) return { actions: [], dispose() {} };
        const s = useStore.getState();
        const run = s.selection.run === null ? undefined : runAt(s.program.runs, s.selection.run);
        if (run === undefined || run.ok || s.program.source !== m.getValue()) return { actions: [], dispose() {} };
        const fixes = quickFixes(s.program.source, s.program.nodes, run, programNames(s.program.nodes, s.program.source));
        const actions = fixes
          .filter((f) => range.startLineNumber <= f.line && f.line <= range.endLineNumber)
          .map((f) => ({
            title: f.title,
            kind: "quickfix",
            isPreferred: true,
            diagnostics: context.markers.filter((mk) => mk.startLineNumber === f.line),
            edit: {
              edits: [
                {
                  resource: m.uri,
                  versionId: m.getVersionId(),
                  textEdit: { range: new monaco.Range(f.edit.line, f.edit.startColumn, f.edit.line, f.edit.endColumn), text: f.edit.text },
                },
              ],
            },
          }));
        return { actions, dispose() {} };
      },
    },
    { providedCodeActionKinds: ["quickfix"] },
  );
  return () => provider.dispose();
};
