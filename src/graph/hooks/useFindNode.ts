/**
 * Find node: a name (TF's or the learner's) opens the scopes and series page that hold the
 * node, selects it and centres the canvas on it once it is drawn.
 */
import { useCallback, type Dispatch, type RefObject, type SetStateAction } from "react";
import { selectNode } from "../../store";
import { findNode, openFor } from "../model/find";
import type { GraphStructure } from "../model/structure";
import type { CollapseOverrides, SeriesShown } from "../model/view";
import type { InspectTarget } from "../ui/Inspector";
import type { CanvasHandle } from "./useGraphCanvas";

export interface FindSetters {
  setOverrides: Dispatch<SetStateAction<CollapseOverrides>>;
  setSeriesShown: Dispatch<SetStateAction<SeriesShown>>;
  setTarget: Dispatch<SetStateAction<InspectTarget | null>>;
}

/** Returns the search box's handler: null when found, else the message to show. */
export function useFindNode(structure: GraphStructure, names: ReadonlyMap<string, string>, canvas: RefObject<CanvasHandle | null>, set: FindSetters): (query: string) => string | null {
  const { setOverrides, setSeriesShown, setTarget } = set;
  return useCallback(
    (query: string): string | null => {
      const found = findNode(structure, names, query);
      if (found === null) return `No node matches “${query}”.`;
      const open = (names: Iterable<string>) =>
        setOverrides((o) => {
          const next = new Map(o);
          for (const name of names) next.set(name, false);
          return next;
        });
      if (found.kind === "group") {
        const chain: string[] = [];
        for (let p = structure.groups.get(found.name)!.parent; p !== null; p = structure.groups.get(p)?.parent ?? null) chain.push(p);
        open(chain);
        setTarget({ kind: "group", name: found.name });
        canvas.current?.focus(`g:${found.name}`);
        return null;
      }
      const { open: scopes, shown } = openFor(structure, found.name);
      open(scopes);
      if (shown.size > 0) setSeriesShown((m) => new Map([...m, ...shown]));
      setTarget({ kind: "op", name: found.name });
      selectNode(found.name);
      canvas.current?.focus(`n:${structure.ops.get(found.name)!.leaf}`);
      return null;
    },
    [structure, names, canvas, setOverrides, setSeriesShown, setTarget],
  );
}
