/**
 * Why the selected run failed — the one full explanation (other places say it in one line and
 * link here): what was fetched, why the culprit was needed, and the fixes with code to copy.
 * Docked beside or under the drawing (graph.css), never over the red path; it folds to one
 * line. A link elsewhere (`requestExplanation()` in the store) unfolds it and moves focus here.
 */
import { useEffect, useRef, useState } from "react";
import { useStore } from "../../store";
import type { Explanation } from "../model/explain";
import { RichText } from "./RichText";

/** The last explanation request a card answered (requests made before a card mounts are answered by it). */
let answered = 0;

function CopyButton({ text }: { text: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      className="gp-copy"
      onClick={() => {
        void navigator.clipboard?.writeText(text).then(
          () => setCopied(true),
          () => setCopied(false),
        );
      }}
    >
      {copied ? "Copied" : "Copy"}
    </button>
  );
}

export function ExplanationCard({ explanation, onShowCulprit }: { explanation: Explanation; onShowCulprit(): void }) {
  const [open, setOpen] = useState(true);
  const heading = useRef<HTMLHeadingElement>(null);
  const request = useStore((s) => s.layout.explainRequest);

  const [focusWanted, setFocusWanted] = useState(false);

  useEffect(() => {
    if (request <= answered) return;
    answered = request;
    setOpen(true);
    setFocusWanted(true);
  }, [request]);
  // Once the unfolded card is in the DOM.
  useEffect(() => {
    if (!focusWanted || !open) return;
    setFocusWanted(false);
    heading.current?.scrollIntoView?.({ block: "nearest" });
    heading.current?.focus();
  }, [focusWanted, open]);

  if (!open) {
    return (
      <section className="gp-explain gp-explain-folded" aria-label="Why this run failed" data-testid="explanation-card">
        <button type="button" className="gp-explain-unfold" aria-expanded="false" onClick={() => setOpen(true)}>
          <span aria-hidden="true">▸ ✕ </span>
          <RichText text={explanation.title} />
          <span className="gp-muted"> · why, and how to fix it</span>
        </button>
      </section>
    );
  }
  return (
    <section className="gp-explain" aria-label="Why this run failed" data-testid="explanation-card">
      <header>
        <h3 ref={heading} tabIndex={-1}>
          <span aria-hidden="true">✕ </span>
          <RichText text={explanation.title} />
        </h3>
        <button type="button" className="gp-icon-button" aria-expanded="true" aria-label="Fold the explanation" title="Fold the explanation to one line" onClick={() => setOpen(false)}>
          <span aria-hidden="true">▾</span>
        </button>
      </header>
      <div className="gp-explain-body">
        <div className="gp-explain-what">
          <p className="gp-explain-type">{explanation.errorType}</p>
          <p>
            <RichText text={explanation.fetched} />
          </p>
          <p>
            <RichText text={explanation.why} />{" "}
            {explanation.culprit !== null && (
              <button type="button" className="gp-link" onClick={onShowCulprit}>
                Show it
              </button>
            )}
          </p>
        </div>
        {explanation.fixes.length > 0 && (
          <div className="gp-explain-fixes">
            <h4>How to fix it</h4>
            <ol className="gp-fixes">
              {explanation.fixes.map((f, i) => (
                <li key={i}>
                  <RichText text={f.text} />
                  {f.code !== undefined && (
                    <div className="gp-fix-code">
                      <pre>
                        <code>{f.code}</code>
                      </pre>
                      <CopyButton text={f.code} />
                    </div>
                  )}
                </li>
              ))}
            </ol>
          </div>
        )}
      </div>
    </section>
  );
}
