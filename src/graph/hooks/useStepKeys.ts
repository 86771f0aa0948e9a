/**
 * ← / → step through the shown run (from its first or last step), in the graph pane or with
 * nothing focused (after a click on the canvas, or a stepper button that became disabled at
 * the end); never while something else has focus.
 */
import { useEffect, useRef } from "react";
import { setStep } from "../../store";

/** Returns the pane's key handler: true if the key stepped. */
export function useStepKeys(step: number | null, pathLength: number, running: boolean): (e: KeyboardEvent) => boolean {
  const stepKey = (e: KeyboardEvent): boolean => {
    if ((e.key !== "ArrowRight" && e.key !== "ArrowLeft") || e.shiftKey || e.altKey || e.ctrlKey || e.metaKey || pathLength === 0 || running) return false;
    e.preventDefault();
    const forward = e.key === "ArrowRight";
    setStep(step === null ? (forward ? 0 : pathLength - 1) : step + (forward ? 1 : -1));
    return true;
  };
  const stepKeyRef = useRef(stepKey);
  stepKeyRef.current = stepKey;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.defaultPrevented && (document.activeElement === document.body || document.activeElement === null)) stepKeyRef.current(e);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
  return stepKey;
}
