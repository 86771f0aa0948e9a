/** The toolbar's view controls: the graph maximized (G) or in its own window, and what Tab does in the editor. */
import { setTabMovesFocus, toggleMaximizedGraph, useStore } from "../store";
import { MaximizeIcon, PopOutIcon, TabKeyIcon } from "../ui/icons";
import { dockGraph, popOutGraph } from "./layout/popout";

export function GraphViewButtons() {
  const placement = useStore((s) => s.layout.graph);
  return (
    <span className="toolbar-group" role="group" aria-label="Graph view">
      <button
        type="button"
        className="btn btn-icon"
        aria-pressed={placement === "maximized"}
        aria-keyshortcuts="G"
        disabled={placement === "popped"}
        onClick={toggleMaximizedGraph}
        title={placement === "maximized" ? "Give the other panes their room back (G)" : "Maximize the graph (G)"}
      >
        <MaximizeIcon />
        <span className="tb-label">Maximize graph</span>
      </button>
      <button
        type="button"
        className="btn btn-icon"
        aria-pressed={placement === "popped"}
        onClick={() => (placement === "popped" ? dockGraph() : popOutGraph())}
        title={placement === "popped" ? "Put the graph back in its pane" : "Open the graph in a window of its own (a second screen, a projector)"}
      >
        <PopOutIcon />
        <span className="tb-label">Pop out graph</span>
      </button>
    </span>
  );
}

export function TabFocusToggle() {
  const on = useStore((s) => s.layout.tabMovesFocus);
  return (
    <button
      type="button"
      className="btn btn-icon"
      aria-pressed={on}
      aria-keyshortcuts="Control+M"
      onClick={() => setTabMovesFocus(!on)}
      title={on ? "Tab moves focus out of the editor. Click (or Ctrl+M in the editor) to make Tab indent." : "Tab indents in the editor (Esc then Tab leaves it). Click to make Tab move focus instead."}
    >
      <TabKeyIcon />
      <span className="tb-label">Tab moves focus</span>
    </button>
  );
}
