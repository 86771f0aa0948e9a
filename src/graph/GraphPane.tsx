/**
 * The graph pane: the program's global graph as it is built, and what the selected run did to
 * it (computation path, fetches, feeds, side effects, and the failure's red path with an
 * explanation card), with an inspector, a legend and a text outline.
 *
 * React owns the layout around the canvas; the canvas itself (Cytoscape, in GraphCanvas) is
 * created once and driven imperatively by useGraphCanvas: structure changes are laid out by ELK
 * in elkjs's worker (cached by structure), run changes only toggle classes.
 *
 * Contracts other code relies on:
 * - `<ul aria-label="Graph outline">`: one `<li>` per op (folded internals included) with
 *   `data-node` (op name), `data-state` (tokens from `path fetched fed effect error`, or
 *   `idle`, for the selected run) and `data-drawn-as` (the drawn node showing the op).
 * - A polite live region announces the selected run's result.
 * - Performance hooks (production builds too), for `npm run bench:ui`:
 *     window.addEventListener("playground:graph-drawn", (e) => e.detail)
 *       // { ops, nodes, layoutMs, drawMs, cached } after every layout + draw
 *     await window.__graphBench.drawSynthetic(1000)          // generated model graph
 *     await window.__graphBench.drawSynthetic(1000, true)    // flat random DAG (worst case)
 *       // → the same detail object, for that graph
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { selectNode, useStore } from "../store";
import { installGraphBench, setCanvasProbe } from "./bench";
import { memoriesUpTo } from "./hooks/selectedRun";
import { useDocumentTheme } from "./hooks/useDocumentTheme";
import { useGraphCanvas } from "./hooks/useGraphCanvas";
import { useGraphModel } from "./hooks/useGraphModel";
import { isCollapsed } from "./model/view";
import { paletteFor } from "./render/palette";
import { ExplanationCard } from "./ui/ExplanationCard";
import { GraphOutline } from "./ui/GraphOutline";
import { GraphToolbar } from "./ui/GraphToolbar";
import { Inspector, type InspectTarget } from "./ui/Inspector";
import { Legend } from "./ui/Legend";
import "./graph.css";

installGraphBench();

const NONE: readonly string[] = [];

export function GraphPane() {
  const [overrides, setOverrides] = useState<ReadonlyMap<string, boolean>>(() => new Map());
  const [graphChoice, setGraphChoice] = useState<number | null>(null);
  const [target, setTarget] = useState<InspectTarget | null>(null);
  const [legend, setLegend] = useState(false);
  const [outline, setOutline] = useState(false);
  const model = useGraphModel(overrides, graphChoice);
  const { structure, view } = model;
  const dark = useDocumentTheme();
  const selectedOp = useStore((s) => s.selection.node);
  const line = useStore((s) => s.selection.line);
  const hover = useStore((s) => s.selection.hoverNode);
  const diagnostics = useStore((s) => s.program.diagnostics);
  const container = useRef<HTMLDivElement>(null);

  const toggle = useCallback(
    (group: string) => setOverrides((o) => new Map(o).set(group, !isCollapsed(structure, o, group))),
    [structure],
  );

  // Keep the inspector on what the rest of the app selected (hints, the editor, the runs list).
  useEffect(() => {
    if (selectedOp === null) return;
    setTarget((t) => {
      if (t?.kind === "op" && t.name === selectedOp) return t;
      if (t?.kind === "group" && (selectedOp === t.name || selectedOp.startsWith(`${t.name}/`))) return t;
      return structure.ops.has(selectedOp) ? { kind: "op", name: selectedOp } : t;
    });
  }, [selectedOp, structure]);

  const drawnIdOf = useCallback(
    (t: InspectTarget | null): string | null => {
      if (t === null) return null;
      if (t.kind === "group") {
        if (view.byId.has(`g:${t.name}`)) return `g:${t.name}`;
        const first = structure.order.find((op) => op.startsWith(`${t.name}/`));
        return first === undefined ? null : view.visibleOf.get(first) ?? null;
      }
      return view.visibleOf.get(t.name) ?? null;
    },
    [structure, view],
  );

  const marks = {
    selected: useMemo(() => {
      const id = drawnIdOf(target);
      return id === null ? NONE : [id];
    }, [drawnIdOf, target]),
    match: useMemo(() => {
      if (line === null) return NONE;
      const ids = new Set<string>();
      for (const op of structure.order) if (structure.ops.get(op)!.node.line === line) ids.add(view.visibleOf.get(op)!);
      return [...ids];
    }, [line, structure, view]),
    hover: useMemo(() => {
      const id = hover === null ? undefined : view.visibleOf.get(hover);
      return id === undefined ? NONE : [id];
    }, [hover, view]),
    hint: useMemo(() => {
      const ids = new Set<string>();
      for (const d of diagnostics) for (const op of d.ops) if (view.visibleOf.has(op)) ids.add(view.visibleOf.get(op)!);
      return [...ids];
    }, [diagnostics, view]),
  };

  const canvas = useGraphCanvas(container, model, dark, {
    onTapNode: (id) => {
      const node = view.byId.get(id);
      if (node === undefined) return;
      if (node.kind === "leaf") {
        setTarget({ kind: "op", name: node.name });
        selectNode(node.name);
      } else {
        setTarget({ kind: "group", name: node.name });
        const representative = structure.ops.has(node.name) ? node.name : node.members[0] ?? structure.order.find((op) => op.startsWith(`${node.name}/`));
        if (representative !== undefined) selectNode(representative);
      }
    },
    onDoubleTapNode: (id) => {
      const node = view.byId.get(id);
      if (node?.kind === "group") toggle(node.name);
    },
    onTapBackground: () => {
      setTarget(null);
      selectNode(null);
    },
  }, marks);

  // Reveal what was selected from elsewhere.
  useEffect(() => {
    const id = drawnIdOf(target);
    if (id !== null) canvas.current?.reveal(id);
  }, [target, drawnIdOf, canvas]);

  // End-to-end tests find nodes on screen through the bench hook.
  useEffect(() => {
    setCanvasProbe((op) => {
      const id = view.visibleOf.get(op) ?? (view.byId.has(`g:${op}`) ? `g:${op}` : undefined);
      return id === undefined ? null : canvas.current?.pagePoint(id) ?? null;
    });
    return () => setCanvasProbe(null);
  }, [view, canvas]);

  const selectOp = useCallback((op: string) => {
    setTarget({ kind: "op", name: op });
    selectNode(op);
  }, []);

  const lineOps = useMemo(() => {
    if (line === null) return new Set<string>();
    return new Set(structure.order.filter((op) => structure.ops.get(op)!.node.line === line));
  }, [line, structure]);

  const drawnAs = useCallback((op: string) => view.byId.get(view.visibleOf.get(op) ?? "")?.name ?? op, [view]);
  const hiddenIn = useMemo(() => {
    if (target?.kind !== "op") return null;
    const id = view.visibleOf.get(target.name);
    const node = id === undefined ? undefined : view.byId.get(id);
    return node?.kind === "group" ? node.name : null;
  }, [target, view]);

  const runs = useStore((s) => (target?.kind === "op" && structure.ops.get(target.name)?.category === "variable" ? s.program.runs : null));
  const memories = useMemo(() => (runs === null ? new Map() : memoriesUpTo(runs, model.runIndex)), [runs, model.runIndex]);
  const palette = paletteFor(dark);
  const empty = model.opCount === 0;

  return (
    <section
      className="gp"
      aria-label="Graph"
      data-testid="graph-pane"
      onKeyDown={(e) => {
        if (e.key === "Escape" && target !== null) {
          setTarget(null);
          selectNode(null);
        }
      }}
    >
      <GraphToolbar
        run={model.run}
        runCount={model.runCount}
        opCount={model.opCount}
        truncatedFrom={model.truncatedFrom}
        drawnCount={model.scene.nodes.filter((n) => !n.classes.includes("expanded")).length}
        running={model.running}
        graphIds={model.graphIds}
        graphId={model.graphId}
        legend={legend}
        outline={outline}
        onGraph={setGraphChoice}
        onFit={() => canvas.current?.fit()}
        onExpandAll={() => setOverrides(new Map([...structure.groups.keys()].map((g) => [g, false])))}
        onDefaultScopes={() => setOverrides(new Map())}
        onLegend={() => setLegend((v) => !v)}
        onOutline={() => setOutline((v) => !v)}
      />
      <div className="gp-body">
        {model.explanation !== null && (
          <ExplanationCard
          key={`${model.runId}:${model.runIndex}`}
          explanation={model.explanation}
          onShowCulprit={() => {
            const culprit = model.run?.error?.op;
            if (culprit) selectOp(culprit);
          }}
          />
        )}
        <div className="gp-stage">
          <div
            className="gp-canvas"
            ref={container}
            data-testid="graph-canvas"
            data-drawn={model.scene.nodes.length}
            role="img"
            aria-label={`Drawing of the graph: ${model.opCount} ops. The text view lists them with their state in the selected run.`}
          />
          {empty && (
            <p className="gp-empty">
              {model.running ? "Building the graph…" : "Run a program: every tf call adds a node here, and every sess.run lights up the path it took."}
            </p>
          )}
        </div>
        {legend && <Legend palette={palette} />}
        {outline && (
          <GraphOutline items={model.outline} drawnAs={drawnAs} selected={selectedOp} onLine={lineOps} visible onSelect={selectOp} />
        )}
        {target !== null && (
          <Inspector
            target={target}
            structure={structure}
            names={model.names}
            run={model.run}
            state={target.kind === "op" ? model.highlight?.ops.get(target.name) : undefined}
            memories={memories}
            hiddenIn={hiddenIn}
            collapsed={(g) => isCollapsed(structure, overrides, g)}
            onSelect={selectOp}
            onToggle={toggle}
            onClose={() => {
              setTarget(null);
              selectNode(null);
            }}
          />
        )}
      </div>
      {!outline && <GraphOutline items={model.outline} drawnAs={drawnAs} selected={selectedOp} onLine={lineOps} visible={false} onSelect={selectOp} />}
      <div className="gp-sr-only" role="status" aria-live="polite">
        {model.announcement}
      </div>
    </section>
  );
}

export default GraphPane;
