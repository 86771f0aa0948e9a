/**
 * The program's teaching hints (diagnostic events), one line each, under the graph. A hint that
 * explains a failed run links to the explanation card instead of repeating it (and is left out
 * while the card shows that run); the others can be unfolded to their whole text. Hovering a hint lights its ops in the graph
 * (selection.hoverNode); clicking selects the first one.
 */
import { useState } from "react";
import type { DiagnosticEvent } from "../runner/events";
import { hoverNode, selectNode, useStore, type AppState } from "../store";
import { ExplainLink } from "../ui/ExplainLink";
import { CodeText } from "../ui/CodeText";
import { explainsFailure, failureHintLine, firstSentence } from "../ui/hints";
import { programNames } from "../ui/programNames";
import { HintIcon } from "../ui/icons";

/** A failure hint about the selected run says what the explanation card above it says in full: it is left out. */
function shownByCard(hint: DiagnosticEvent, s: AppState): boolean {
  if (!explainsFailure(hint) || s.selection.run === null) return false;
  return failureHintLine(hint, s.program.runs, programNames(s.program.nodes, s.program.source)).run === s.selection.run;
}

function Hint({ hint }: { hint: DiagnosticEvent }) {
  const [open, setOpen] = useState(false);
  const failure = explainsFailure(hint);
  const lineOf = (s: AppState) => (failure ? failureHintLine(hint, s.program.runs, programNames(s.program.nodes, s.program.source)) : null);
  const text = useStore((s) => lineOf(s)?.text);
  const run = useStore((s) => lineOf(s)?.run);
  const first = text ?? firstSentence(hint.message);
  const more = !failure && first.length < hint.message.length;
  return (
    <li className={`hint${open ? " hint-open" : ""}`} data-code={hint.code}>
      <span className="hint-icon">
        <HintIcon />
      </span>
      <button
        type="button"
        className="hint-text"
        title={open ? undefined : hint.message}
        onMouseEnter={() => hoverNode(hint.ops[0] ?? null)}
        onMouseLeave={() => hoverNode(null)}
        onFocus={() => hoverNode(hint.ops[0] ?? null)}
        onBlur={() => hoverNode(null)}
        onClick={() => selectNode(hint.ops[0] ?? null)}
      >
        {hint.line !== null && <span className="hint-line">line {hint.line}: </span>}
        {open ? hint.message : <CodeText text={first} />}
      </button>
      {failure && <ExplainLink run={run} />}
      {more && (
        <button type="button" className="link-button hint-more" aria-expanded={open} onClick={() => setOpen((v) => !v)}>
          {open ? "Less" : "More"}
        </button>
      )}
    </li>
  );
}

export function Hints() {
  const all = useStore((s) => s.program.diagnostics);
  // A string key: the selector runs on every store change and must return a stable value.
  const hiddenKey = useStore((s) => all.map((h) => (shownByCard(h, s) ? "1" : "0")).join(""));
  const hints = all.filter((_, i) => hiddenKey[i] !== "1");
  if (hints.length === 0) return null;
  return (
    <section className="hints" aria-label="Hints">
      <ul>
        {hints.map((h) => (
          <Hint key={all.indexOf(h)} hint={h} />
        ))}
      </ul>
    </section>
  );
}
