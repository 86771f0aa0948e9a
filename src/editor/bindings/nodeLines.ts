/**
 * Graph → editor: the line that created the selected (or hovered) op is highlighted and
 * scrolled into view; the selected run's `sess.run` line is marked in the gutter; while the
 * graph's stepper walks a run, the line that built the op of the step is highlighted.
 */
import type * as monacoNs from "monaco-editor";
import { runAt, stepOp, useStore } from "../../store";
import type { EditorBinding } from "./types";

function lineOfNode(name: string | null): number | null {
  if (name === null) return null;
  const nodes = useStore.getState().program.nodes;
  for (let i = 0; i < nodes.length; i++) if (nodes[i].name === name) return nodes[i].line;
  return null;
}

export const nodeLines: EditorBinding = (editor) => {
  const decorations = editor.createDecorationsCollection();
  let last = "";
  const apply = () => {
    const s = useStore.getState();
    const out: monacoNs.editor.IModelDeltaDecoration[] = [];
    const selected = lineOfNode(s.selection.node);
    const hovered = lineOfNode(s.selection.hoverNode);
    const run = s.selection.run === null ? undefined : runAt(s.program.runs, s.selection.run);
    const op = stepOp(s);
    const stepped = lineOfNode(op);
    // While a loop runs the selected run changes every frame but its line and status do not.
    const key = `${selected}|${hovered}|${stepped}|${op}|${run?.line}|${run?.ok}|${run?.index ?? ""}`;
    const sameExceptIndex = key.slice(0, key.lastIndexOf("|")) === last.slice(0, last.lastIndexOf("|"));
    if (key === last || (sameExceptIndex && s.program.status === "running")) return;
    last = key;
    if (selected !== null) out.push({ range: { startLineNumber: selected, startColumn: 1, endLineNumber: selected, endColumn: 1 }, options: { isWholeLine: true, className: "line-node-selected", linesDecorationsClassName: "gutter-node-selected" } });
    if (hovered !== null && hovered !== selected) out.push({ range: { startLineNumber: hovered, startColumn: 1, endLineNumber: hovered, endColumn: 1 }, options: { isWholeLine: true, className: "line-node-hovered" } });
    if (run && run.line !== null) out.push({ range: { startLineNumber: run.line, startColumn: 1, endLineNumber: run.line, endColumn: 1 }, options: { isWholeLine: false, glyphMarginClassName: run.ok ? "glyph-run-ok" : "glyph-run-error", glyphMarginHoverMessage: { value: `Selected run ${run.index}: ${run.ok ? "ok" : "failed"}` } } });
    if (stepped !== null) out.push({ range: { startLineNumber: stepped, startColumn: 1, endLineNumber: stepped, endColumn: 1 }, options: { isWholeLine: true, className: "line-step", linesDecorationsClassName: "gutter-step", hoverMessage: { value: `Step: \`${op}\` ran here` } } });
    decorations.set(out);
    if (stepped !== null) editor.revealLineInCenterIfOutsideViewport(stepped);
    else if (selected !== null && s.selection.node !== null) editor.revealLineInCenterIfOutsideViewport(selected);
  };
  apply();
  const unsub = useStore.subscribe((s) => [s.selection.node, s.selection.hoverNode, s.selection.run, s.program.nodes.length, s.selection.step] as const, apply, {
    equalityFn: (a, b) => a[0] === b[0] && a[1] === b[1] && a[2] === b[2] && a[3] === b[3] && a[4] === b[4],
  });
  return () => {
    unsub();
    decorations.clear();
  };
};
