/**
 * End-to-end tests find nodes on screen through the bench hook (bench.ts): where an op or a
 * scope is drawn, the zoom, and the edges' shape labels named by their ends.
 */
import { useEffect, type RefObject } from "react";
import { setCanvasProbe } from "../bench";
import type { GraphView } from "../model/view";
import type { CanvasHandle } from "./useGraphCanvas";

export function useCanvasProbe(view: GraphView, canvas: RefObject<CanvasHandle | null>, drawnId: (id: string | undefined) => string | null): void {
  useEffect(() => {
    setCanvasProbe({
      pointOf: (op) => {
        const id = drawnId(view.visibleOf.get(op) ?? (view.byId.has(`g:${op}`) ? `g:${op}` : undefined));
        return id === null ? null : canvas.current?.pagePoint(id) ?? null;
      },
      zoom: () => canvas.current?.zoomLevel() ?? 1,
      edgeLabels: () => {
        // Named by the view's ends (`n:add` → `add`) so tests need no knowledge of ids.
        const out: Record<string, string> = {};
        const plain = (id: string) => view.byId.get(id)?.name ?? id;
        for (const [id, label] of canvas.current?.edgeLabels() ?? []) {
          const e = view.edges.find((x) => x.id === id);
          if (e !== undefined) out[`${plain(e.source)} → ${plain(e.target)}`] = label;
        }
        return out;
      },
    });
    return () => setCanvasProbe(null);
  }, [view, canvas, drawnId]);
}
