/**
 * What Tab does in the editor. By default it indents, as in any code editor; the toolbar's
 * "Tab moves focus" (kept in the store) and Ctrl+M in the editor switch it to moving focus.
 * Esc then Tab leaves the editor without switching anything: Esc turns on tab-moves-focus for
 * the next key only (and until the editor loses focus).
 *
 * The editor's `tabFocusMode` option carries the setting. Monaco's own Ctrl+M flips a global
 * flag the public API cannot read, so Ctrl+M is bound here to the store's setting instead.
 */
import { setTabMovesFocus, useStore } from "../../store";
import type { EditorBinding } from "./types";

export const tabFocus: EditorBinding = (editor, monaco) => {
  const { KeyCode, KeyMod } = monaco;
  const setting = () => useStore.getState().layout.tabMovesFocus;
  /** Esc was pressed: the next Tab leaves. */
  let escaped = false;

  const endEscape = () => {
    if (!escaped) return;
    escaped = false;
    editor.updateOptions({ tabFocusMode: setting() });
  };
  const apply = (on: boolean) => {
    escaped = false;
    editor.updateOptions({ tabFocusMode: on });
  };

  apply(setting());
  const unsub = useStore.subscribe((s) => s.layout.tabMovesFocus, apply);
  editor.addCommand(KeyMod.CtrlCmd | KeyCode.KeyM, () => setTabMovesFocus(!setting()));
  const keys = editor.onKeyDown((e) => {
    if (e.keyCode === KeyCode.Escape) {
      if (!setting()) {
        escaped = true;
        editor.updateOptions({ tabFocusMode: true });
      }
    } else if (e.keyCode !== KeyCode.Tab && e.keyCode !== KeyCode.Shift) {
      endEscape();
    }
  });
  const blur = editor.onDidBlurEditorText(endEscape);
  return () => {
    unsub();
    keys.dispose();
    blur.dispose();
  };
};
