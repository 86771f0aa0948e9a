/**
 * Where the pane's things are drawn: an op, a scope or a series may be drawn as itself, inside
 * a folded box, or only as chips beside its consumers. The pane's pointers (selection, the
 * editor's line, hover, hints) become canvas marks through these lookups.
 */
import { useCallback, useMemo } from "react";
import type { DiagnosticEvent } from "../../runner/events";
import { groupOps, type GraphStructure } from "../model/structure";
import type { GraphView } from "../model/view";
import type { Scene } from "../render/scene";
import type { InspectTarget } from "../ui/Inspector";

const NONE: readonly string[] = [];

export interface DrawnIds {
  /** The drawn id of a view node: itself, or its first chip when it is drawn only as chips. */
  drawnId(id: string | undefined): string | null;
  /** Where the inspector's target is drawn. */
  drawnIdOf(t: InspectTarget | null): string | null;
  /** Everything drawn for a view node: itself, or all its chips. */
  drawnOf(id: string): string[];
}

export function useDrawnIds(structure: GraphStructure, view: GraphView, scene: Scene): DrawnIds {
  const drawnId = useCallback(
    (id: string | undefined): string | null => {
      if (id === undefined) return null;
      if (!view.byId.get(id)?.chipOnly) return id;
      return scene.chips.find((c) => c.node === id)?.id ?? null;
    },
    [view, scene],
  );
  const drawnIdOf = useCallback(
    (t: InspectTarget | null): string | null => {
      if (t === null) return null;
      if (t.kind === "group") {
        if (view.byId.has(`g:${t.name}`)) return `g:${t.name}`;
        const first = groupOps(structure, t.name)[0];
        return first === undefined ? null : drawnId(view.visibleOf.get(first));
      }
      return drawnId(view.visibleOf.get(t.name));
    },
    [structure, view, drawnId],
  );
  const chipsOf = useMemo(() => {
    const m = new Map<string, string[]>();
    for (const c of scene.chips) if (c.node !== null) (m.get(c.node) ?? m.set(c.node, []).get(c.node)!).push(c.id);
    return m;
  }, [scene]);
  const drawnOf = useCallback((id: string): string[] => (view.byId.get(id)?.chipOnly ? chipsOf.get(id) ?? [] : [id]), [view, chipsOf]);
  return useMemo(() => ({ drawnId, drawnIdOf, drawnOf }), [drawnId, drawnIdOf, drawnOf]);
}

/** The canvas marks: the inspector's target, the editor's line, the hovered op, the hints' ops. */
export function useMarks(
  structure: GraphStructure,
  view: GraphView,
  ids: DrawnIds,
  pointers: { target: InspectTarget | null; line: number | null; hover: string | null; diagnostics: readonly Pick<DiagnosticEvent, "ops">[] },
): { selected: readonly string[]; match: readonly string[]; hover: readonly string[]; hint: readonly string[] } {
  const { drawnIdOf, drawnOf } = ids;
  const { target, line, hover, diagnostics } = pointers;
  return {
    selected: useMemo(() => {
      const id = drawnIdOf(target);
      return id === null ? NONE : [id];
    }, [drawnIdOf, target]),
    match: useMemo(() => {
      if (line === null) return NONE;
      const out = new Set<string>();
      for (const op of structure.order) if (structure.ops.get(op)!.node.line === line) for (const id of drawnOf(view.visibleOf.get(op)!)) out.add(id);
      return [...out];
    }, [line, structure, view, drawnOf]),
    hover: useMemo(() => {
      const id = hover === null ? undefined : view.visibleOf.get(hover);
      return id === undefined ? NONE : drawnOf(id);
    }, [hover, view, drawnOf]),
    hint: useMemo(() => {
      const out = new Set<string>();
      for (const d of diagnostics) for (const op of d.ops) if (view.visibleOf.has(op)) for (const id of drawnOf(view.visibleOf.get(op)!)) out.add(id);
      return [...out];
    }, [diagnostics, view, drawnOf]),
  };
}
