/**
 * Edge labels for the "Shapes" toggle: each edge shows the shape of the tensor it carries
 * (TensorBoard's `?×3`, `scalar`), kept in the edge's `shape` data that the style reads.
 */
import type { Core } from "cytoscape";

/** Sets each edge's label from `labels` (null: none), touching only edges that change. */
export function applyEdgeLabels(cy: Core, labels: ReadonlyMap<string, string> | null): void {
  cy.batch(() => {
    cy.edges().forEach((e) => {
      const want = labels?.get(e.id());
      if (e.data("shape") === want) return;
      if (want === undefined) e.removeData("shape");
      else e.data("shape", want);
    });
  });
}

/** Edge id → the label drawn on it (for tests: the canvas itself cannot be read). */
export function drawnEdgeLabels(cy: Core): Map<string, string> {
  const out = new Map<string, string>();
  cy.edges().forEach((e) => {
    const label = e.data("shape") as string | undefined;
    if (label !== undefined) out.set(e.id(), label);
  });
  return out;
}
