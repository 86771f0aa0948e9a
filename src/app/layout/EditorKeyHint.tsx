/**
 * A line under the editor saying what Tab does and how to leave: inside a code editor Tab
 * indents, which traps keyboard users unless something tells them the way out.
 */
import { useStore } from "../../store";

export function EditorKeyHint() {
  const tabMovesFocus = useStore((s) => s.layout.tabMovesFocus);
  return (
    <p className="editor-key-hint" data-testid="editor-key-hint" role="status">
      {tabMovesFocus ? (
        <>
          <kbd>Tab</kbd> moves focus (turn off “Tab moves focus” or press <kbd>Ctrl</kbd>+<kbd>M</kbd> to indent with it)
        </>
      ) : (
        <>
          <kbd>Esc</kbd> then <kbd>Tab</kbd> leaves the editor · <kbd>Tab</kbd> indents · <kbd>Ctrl</kbd>+<kbd>Enter</kbd> runs
        </>
      )}
    </p>
  );
}
