/**
 * The code editor (lazy-loaded: Monaco is most of the app's JavaScript). React renders only
 * the container; Monaco lives in a ref and the bindings wire it to the store.
 */
import { useEffect, useRef } from "react";
import { useStore } from "../store";
import { cursorLine } from "./bindings/cursorLine";
import { keys } from "./bindings/keys";
import { language } from "./bindings/language";
import { nodeLines } from "./bindings/nodeLines";
import { pasteDetect } from "./bindings/pasteDetect";
import { quietChecks } from "./bindings/quietChecks";
import { quickFixActions } from "./bindings/quickFixActions";
import { runMarkers } from "./bindings/runMarkers";
import { syncCode } from "./bindings/syncCode";
import { tabFocus } from "./bindings/tabFocus";
import { theme } from "./bindings/theme";
import { typeScriptStart } from "./bindings/typeScriptStart";
import { MODEL_URI, setupMonaco } from "./monacoSetup";

const BINDINGS = [syncCode, language, pasteDetect, keys, tabFocus, cursorLine, runMarkers, quickFixActions, nodeLines, theme, quietChecks, typeScriptStart];

export default function CodeEditor() {
  const host = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const monaco = setupMonaco();
    const uri = monaco.Uri.parse(MODEL_URI);
    const model = monaco.editor.getModel(uri) ?? monaco.editor.createModel(useStore.getState().editor.code, useStore.getState().editor.language === "python" ? "python" : "typescript", uri);
    const editor = monaco.editor.create(host.current!, {
      model,
      automaticLayout: true,
      fontSize: 15,
      lineHeight: 22,
      minimap: { enabled: false },
      glyphMargin: true,
      scrollBeyondLastLine: false,
      tabSize: 2,
      fixedOverflowWidgets: true,
      // "dimmed" draws the last empty line's number at 1.8:1 contrast (WCAG asks 4.5:1).
      renderFinalNewline: "on",
      ariaLabel: "Program editor. Ctrl+Enter runs the program, Ctrl+S copies a share link, Escape then Tab leaves the editor.",
    });
    const cleanups = BINDINGS.map((bind) => bind(editor, monaco));
    if (window.__playground) {
      const severity = { [monaco.MarkerSeverity.Error]: "error", [monaco.MarkerSeverity.Warning]: "warning", [monaco.MarkerSeverity.Info]: "info", [monaco.MarkerSeverity.Hint]: "hint" } as const;
      window.__playground.markers = () =>
        monaco.editor.getModelMarkers({ resource: uri }).map((m) => ({
          owner: m.owner,
          line: m.startLineNumber,
          severity: severity[m.severity],
          message: m.message,
          code: typeof m.code === "string" ? m.code : m.code?.value,
        }));
      window.__playground.editorLanguage = () => model.getLanguageId();
    }
    host.current!.dataset.ready = "true";
    // For the UI bench: when the editor became editable.
    performance.mark("editor-ready");
    window.dispatchEvent(new Event("playground:editor-ready"));
    return () => {
      for (const c of cleanups) c();
      editor.dispose();
    };
  }, []);

  return <div ref={host} className="code-editor" data-testid="editor" />;
}
