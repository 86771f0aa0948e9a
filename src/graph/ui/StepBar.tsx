/**
 * The run stepper: walks the shown run in execution order, one op at a time (←/→ in the graph
 * pane, or these buttons; Play advances by itself). Each step says which op ran, the line that
 * built it and the value it computed — for a side effect, the variable's value before → after;
 * a failed run's last step is the op it failed at. The canvas lights the path up to the step
 * and the editor highlights the op's line (through the store's `selection.step`).
 */
import { useEffect, useRef, useState } from "react";
import type { SideEffectRecord } from "../../../engine";
import { setStep } from "../../store";
import { count } from "../../ui/format";
import { valueText } from "../../ui/valueText";
import type { LoopPosition, RunStep } from "../model/steps";

/** Time a step stays while playing. */
export const PLAY_STEP_MS = 700;

interface Props {
  step: RunStep | null;
  /** Steps in the shown run's path (0: nothing to step through). */
  total: number;
  /** The learner's name of an op, if it has one. */
  nameOf(op: string): string | undefined;
  dtypeOf(op: string): string | null | undefined;
}

export function StepBar({ step, total, nameOf, dtypeOf }: Props) {
  const [playing, setPlaying] = useState(false);
  const at = step?.index ?? null;
  // "Step through" goes away as stepping starts: focus moves to "Next step", so → goes on.
  const focusNext = useRef(false);
  const next = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (step !== null && focusNext.current) {
      focusNext.current = false;
      next.current?.focus();
    }
  }, [step]);

  // Play: one step per PLAY_STEP_MS, stopping at the last.
  useEffect(() => {
    if (!playing) return;
    if (at !== null && at >= total - 1) {
      setPlaying(false);
      return;
    }
    const t = setTimeout(() => setStep(at === null ? 0 : at + 1), at === null ? 0 : PLAY_STEP_MS);
    return () => clearTimeout(t);
  }, [playing, at, total]);

  if (total === 0) return null;
  if (step === null) {
    return (
      <div className="gp-stepper" role="group" aria-label="Step through the run">
        <button
          type="button"
          className="gp-button"
          onClick={() => {
            focusNext.current = true;
            setStep(0);
          }}
          title="Walk the run in execution order, one op at a time (→ / ← in the graph)"
        >
          Step through
        </button>
        <button type="button" className="gp-button" aria-label="Play the run step by step" onClick={() => setPlaying(true)}>
          ▶ Play
        </button>
        <span className="gp-muted">{count(total)} {total === 1 ? "op ran" : "ops ran"} · → / ← step</span>
      </div>
    );
  }
  const name = nameOf(step.op);
  return (
    <div className="gp-stepper gp-stepping" role="group" aria-label="Step through the run">
      <button type="button" className="gp-button" aria-label="First step" onClick={() => setStep(0)} disabled={step.index === 0}>
        «
      </button>
      <button type="button" className="gp-button" aria-label="Previous step" title="Previous step (←)" onClick={() => setStep(step.index - 1)} disabled={step.index === 0}>
        ‹
      </button>
      <button type="button" className="gp-button" aria-label={playing ? "Pause" : "Play"} aria-pressed={playing} onClick={() => setPlaying((p) => !p)} disabled={!playing && step.index >= total - 1}>
        {playing ? "‖ Pause" : "▶ Play"}
      </button>
      <button ref={next} type="button" className="gp-button" aria-label="Next step" title="Next step (→)" onClick={() => setStep(step.index + 1)} disabled={step.index >= total - 1}>
        ›
      </button>
      <button type="button" className="gp-button" aria-label="Last step" onClick={() => setStep(total - 1)} disabled={step.index >= total - 1}>
        »
      </button>
      <span className="gp-step-position" data-testid="step-position">
        Step {count(step.index + 1)} of {count(total)}
      </span>
      {step.loop !== undefined && <LoopSteps loop={step.loop} />}
      <button
        type="button"
        className="gp-button"
        onClick={() => {
          setPlaying(false);
          setStep(null);
        }}
      >
        Whole run
      </button>
      <span className={`gp-step-detail${step.culprit ? " gp-step-culprit" : ""}`} data-testid="step-detail" data-op={step.op} aria-live="polite" title={`${name ?? step.op} (${step.type}${step.line !== null ? `, line ${step.line}` : ""}) ${describe(step, dtypeOf)}`}>
        <code title={name !== undefined ? `TF name: ${step.op}` : undefined}>{name ?? step.op}</code>
        <span className="gp-muted"> {step.type}{step.line !== null ? ` · line ${step.line}` : ""}</span>
        {" "}
        {describe(step, dtypeOf)}
      </span>
    </div>
  );
}

/**
 * Where a step inside a while loop is, and buttons to the same op on the previous / next pass
 * (or that pass's first step, when the op does not run on it).
 */
function LoopSteps({ loop }: { loop: LoopPosition }) {
  const n = loop.iterations;
  const text =
    n !== null && loop.iteration >= n
      ? `loop check after ${count(n)} ${n === 1 ? "iteration" : "iterations"}: false, it ends`
      : `iteration ${count(loop.iteration + 1)}${n !== null ? ` of ${count(n)}` : ""}`;
  return (
    <span className="gp-step-loop" data-testid="step-loop" data-iteration={loop.iteration} title={loop.dropped > 0 ? `The run's trace keeps only its first op visits inside loops: ${count(loop.dropped)} more are not shown.` : undefined}>
      <button type="button" className="gp-button" aria-label="Previous iteration" title="The same op one pass earlier" onClick={() => setStep(loop.previousPass)} disabled={loop.previousPass === null}>
        ⟲
      </button>
      <span>{text}</span>
      <button type="button" className="gp-button" aria-label="Next iteration" title="The same op one pass later" onClick={() => setStep(loop.nextPass)} disabled={loop.nextPass === null}>
        ⟳
      </button>
    </span>
  );
}

/** What the step did, in a few words: its value, a side effect's before → after, or the failure. */
function describe(step: RunStep, dtypeOf: (op: string) => string | null | undefined): string {
  if (step.culprit) return "✕ the run failed here";
  const effects = step.effects.map((e) => effectText(e, dtypeOf));
  if (effects.length > 0) return effects.join(" · ");
  if (step.value !== undefined) return `= ${valueText(step.value, step.dtype)}`;
  if (step.dtype === null) return "(no output: it only waits for its inputs)";
  return step.valuesKept ? "" : "(value not kept: every op's value is kept for the first 1,000 runs; a loop's later runs keep their fetches and feeds)";
}

function effectText(e: SideEffectRecord, dtypeOf: (op: string) => string | null | undefined): string {
  if (e.kind === "print") return `printed ${e.text ?? ""}`.trim();
  if (e.target === undefined) return e.kind;
  const dtype = dtypeOf(e.target);
  const after = valueText(e.after, dtype);
  return e.before == null ? `${e.target} ← ${after} (first value)` : `${e.target}: ${valueText(e.before, dtype)} → ${after}`;
}
