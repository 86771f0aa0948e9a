/**
 * Why the selected run failed, next to its red path: what was fetched, why the culprit was
 * needed, and the fixes with code to copy.
 */
import { useState } from "react";
import type { Explanation } from "../model/explain";
import { RichText } from "./RichText";

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
  if (!open) {
    return (
      <button type="button" className="gp-explain-chip" onClick={() => setOpen(true)}>
        ✕ Why did this run fail?
      </button>
    );
  }
  return (
    <section className="gp-explain" aria-label="Why this run failed" data-testid="explanation-card">
      <header>
        <h3>
          <span aria-hidden="true">✕ </span>
          <RichText text={explanation.title} />
        </h3>
        <button type="button" className="gp-icon-button" aria-label="Hide explanation" onClick={() => setOpen(false)}>
          ×
        </button>
      </header>
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
      {explanation.fixes.length > 0 && (
        <>
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
        </>
      )}
    </section>
  );
}
