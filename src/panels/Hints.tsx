/**
 * The program's teaching hints (diagnostic events). The app shows them under the graph; the
 * graph pane may place this component elsewhere. Hovering a hint lights its ops in the graph
 * (selection.hoverNode); clicking selects the first one.
 */
import { hoverNode, selectNode, useStore } from "../store";
import { HintIcon } from "../ui/icons";

export function Hints() {
  const hints = useStore((s) => s.program.diagnostics);
  if (hints.length === 0) return null;
  return (
    <section className="hints" aria-label="Hints">
      <ul>
        {hints.map((h, i) => (
          <li key={i} className="hint" data-code={h.code}>
            <span className="hint-icon"><HintIcon /></span>
            <button
              type="button"
              className="hint-text"
              onMouseEnter={() => hoverNode(h.ops[0] ?? null)}
              onMouseLeave={() => hoverNode(null)}
              onFocus={() => hoverNode(h.ops[0] ?? null)}
              onBlur={() => hoverNode(null)}
              onClick={() => selectNode(h.ops[0] ?? null)}
            >
              {h.line !== null && <span className="hint-line">line {h.line}: </span>}
              {h.message}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
