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
 * - `<ul aria-label="Graph outline">`, a tree of nested lists (ui/GraphOutline.tsx): one `<li>`
 *   per op (folded internals included) with `data-node` (op name), `data-state` (tokens from
 *   `path fetched fed effect error`, or `idle`, for the selected run) and `data-drawn-as`; a
 *   series' `<li>` also has `data-series="<count>"`; a scope's has `data-scope`.
 * - Buttons "Zoom in", "Zoom out", "Fit", "Expand all", "Collapse all"; a search box "Find node".
 * - A polite live region announces the selected run's result.
 * - `playground:graph-drawn` on window with `detail: {ops, drawn, layoutMs, drawMs, ...}` each
 *   time a picture is drawn at laid-out places (`drawn`: visible nodes); see bench.ts.
 * - Performance hooks (production builds too), for `npm run bench:ui`:
 *     await window.__graphBench.drawSynthetic(1000)          // generated model graph
 *     await window.__graphBench.drawSynthetic(1000, true)    // flat random DAG
 *       // → the detail of the first picture of that graph
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { selectNode, setGraphShapes, setGraphValues, useStore } from "../store";
import { installGraphBench } from "./bench";
import { memoriesUpTo } from "./hooks/selectedRun";
import { runSequence, seriesRan } from "./model/highlight";
import { groupOps } from "./model/structure";
import { useAfter } from "./hooks/useAfter";
import { useCanvasProbe } from "./hooks/useCanvasProbe";
import { useDocumentTheme } from "./hooks/useDocumentTheme";
import { useDrawnIds, useMarks } from "./hooks/useDrawnIds";
import { useFindNode } from "./hooks/useFindNode";
import { useGraphCanvas } from "./hooks/useGraphCanvas";
import { useGraphModel } from "./hooks/useGraphModel";
import { useStepKeys } from "./hooks/useStepKeys";
import { STATUS_AFTER_MS } from "./hooks/painter";
import { isCollapsed, SERIES_PAGE, type SeriesShown } from "./model/view";
import { paletteFor } from "./render/palette";
import { ExplanationCard } from "./ui/ExplanationCard";
import { GraphOutline } from "./ui/GraphOutline";
import { GraphToolbar } from "./ui/GraphToolbar";
import { Inspector, type InspectTarget } from "./ui/Inspector";
import { Legend } from "./ui/Legend";
import { StepBar } from "./ui/StepBar";
import { runStep } from "./model/steps";
import { edgeShapes } from "./model/edgeShapes";
import "./graph.css";

installGraphBench();

const NONE: readonly string[] = [];

export function GraphPane() {
  const [overrides, setOverrides] = useState<ReadonlyMap<string, boolean>>(() => new Map());
  const [seriesShown, setSeriesShown] = useState<SeriesShown>(() => new Map());
  const [layoutStatus, setLayoutStatus] = useState<string | null>(null);
  /** Whether the last Fit framed the lit path (the next one frames everything). */
  const fittedPath = useRef(false);
  const [graphChoice, setGraphChoice] = useState<number | null>(null);
  const [target, setTarget] = useState<InspectTarget | null>(null);
  const [legend, setLegend] = useState(false);
  const [outline, setOutline] = useState(false);
  const [byDevice, setByDevice] = useState(false);
  const model = useGraphModel(overrides, graphChoice, seriesShown, byDevice);
  const { structure, view } = model;
  const dark = useDocumentTheme();
  const selectedOp = useStore((s) => s.selection.node);
  const line = useStore((s) => s.selection.line);
  const hover = useStore((s) => s.selection.hoverNode);
  const diagnostics = useStore((s) => s.program.diagnostics);
  const step = useStore((s) => s.selection.step);
  const showValues = useStore((s) => s.ui.graphValues);
  const showShapes = useStore((s) => s.ui.graphShapes);
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

  const drawnIds = useDrawnIds(structure, view, model.scene);
  const { drawnId, drawnIdOf, drawnOf } = drawnIds;
  const marks = useMarks(structure, view, drawnIds, { target, line, hover, diagnostics });

  const showMore = useCallback((series: string) => setSeriesShown((m) => new Map(m).set(series, (m.get(series) ?? SERIES_PAGE) + SERIES_PAGE)), []);

  // The stepper's op, where it is drawn, and the edges' shapes.
  const shownStep = useMemo(() => (step === null || model.run === null || model.running ? null : runStep(structure, model.run, step)), [step, model.run, model.running, structure]);
  const current = useMemo(() => {
    const id = shownStep === null ? undefined : view.visibleOf.get(shownStep.op);
    return id === undefined ? NONE : drawnOf(id);
  }, [shownStep, view, drawnOf]);
  const shapes = useMemo(() => (showShapes ? edgeShapes(structure, view, model.run?.values) : null), [showShapes, structure, view, model.run]);

  const canvas = useGraphCanvas(
    container,
    model,
    dark,
    {
      onTapNode: (tapped) => {
        // A chip stands for a node drawn elsewhere (or, "+N more", for its host's other inputs).
        const chip = model.scene.chipNode.get(tapped);
        const id = chip === undefined ? tapped : chip ?? model.scene.chips.find((c) => c.id === tapped)?.host;
        const node = id === undefined ? undefined : view.byId.get(id);
        if (node === undefined) return;
        if (node.kind === "rest") {
          showMore(node.name);
          return;
        }
        if (node.kind === "leaf") {
          setTarget({ kind: "op", name: node.name });
          selectNode(node.name);
        } else {
          setTarget({ kind: "group", name: node.name });
          const representative = structure.ops.has(node.name) ? node.name : node.members[0] ?? groupOps(structure, node.name)[0];
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
    },
    marks,
    setLayoutStatus,
    { values: showValues, step: shownStep === null ? null : shownStep.index, current, shapes },
  );

  const onFind = useFindNode(structure, model.names, canvas, { setOverrides, setSeriesShown, setTarget });

  // Reveal what was selected from elsewhere.
  useEffect(() => {
    const id = drawnIdOf(target);
    if (id !== null) canvas.current?.reveal(id);
  }, [target, drawnIdOf, canvas]);

  useCanvasProbe(view, canvas, drawnId);

  const selectOp = useCallback((op: string) => {
    setTarget({ kind: "op", name: op });
    selectNode(op);
  }, []);

  const lineOps = useMemo(() => {
    if (line === null) return new Set<string>();
    return new Set(structure.order.filter((op) => structure.ops.get(op)!.node.line === line));
  }, [line, structure]);

  const drawnAs = useCallback((op: string) => view.byId.get(view.visibleOf.get(op) ?? "")?.name ?? op, [view]);
  // A new program's first Fit frames its lit path again.
  useEffect(() => {
    fittedPath.current = false;
  }, [model.runId]);
  const hiddenIn = useMemo(() => {
    if (target?.kind !== "op") return null;
    const id = view.visibleOf.get(target.name);
    const node = id === undefined ? undefined : view.byId.get(id);
    return node?.kind === "group" ? node.name : null;
  }, [target, view]);

  const runs = useStore((s) => (target?.kind === "op" && structure.ops.get(target.name)?.category === "variable" ? s.program.runs : null));
  const memories = useMemo(() => (runs === null ? new Map() : memoriesUpTo(runs, model.runIndex)), [runs, model.runIndex]);
  const palette = paletteFor(dark);
  const building = useAfter(model.building > 0, STATUS_AFTER_MS);
  const buildingStatus = building ? `Laying out ${model.building.toLocaleString("en-US")} ops…` : null;
  const omittedOps = model.truncatedFrom === null ? 0 : model.truncatedFrom - model.opCount;
  const empty = model.opCount === 0;
  // The steps: every op visit of a run with a while loop's trace, else the path.
  const pathLength = model.run === null ? 0 : runSequence(model.run).length;

  const stepKey = useStepKeys(step, pathLength, model.running);

  return (
    <section
      className={model.preview ? "gp gp-preview" : "gp"}
      aria-label="Graph"
      data-testid="graph-pane"
      onKeyDown={(e) => {
        if (e.key === "Escape" && target !== null) {
          setTarget(null);
          selectNode(null);
          return;
        }
        // + and − zoom, as the buttons' titles say; not while typing in the find box.
        if (e.ctrlKey || e.metaKey || e.altKey || (e.target as HTMLElement).closest("input, textarea, select") !== null) return;
        if (stepKey(e.nativeEvent)) return;
        if (e.key === "+" || e.key === "=") canvas.current?.zoom(1.25);
        else if (e.key === "-" || e.key === "−") canvas.current?.zoom(1 / 1.25);
      }}
    >
      <GraphToolbar
        run={model.run}
        runCount={model.runCount}
        opCount={model.opCount}
        truncatedFrom={model.truncatedFrom}
        drawnCount={model.scene.nodes.filter((n) => !n.classes.includes("expanded") && !n.classes.includes("chip")).length}
        running={model.running}
        preview={model.preview}
        graphIds={model.graphIds}
        graphLabels={model.graphLabels}
        graphId={model.graphId}
        legend={legend}
        outline={outline}
        onGraph={setGraphChoice}
        onFit={() => {
          const lit = canvas.current?.litIds() ?? [];
          const path = lit.length > 0 && !fittedPath.current;
          fittedPath.current = path;
          canvas.current?.fit(path ? lit : undefined);
        }}
        onZoom={(f) => canvas.current?.zoom(f)}
        onExpandAll={() => setOverrides(new Map([...structure.groups.values()].filter((g) => g.role !== "series").map((g) => [g.name, false])))}
        onCollapseAll={() => setOverrides(new Map([...structure.groups.keys()].map((g) => [g, true])))}
        onFind={onFind}
        values={showValues}
        shapes={showShapes}
        onValues={() => setGraphValues(!showValues)}
        onShapes={() => setGraphShapes(!showShapes)}
        devices={byDevice}
        onDevices={() => setByDevice((d) => !d)}
        onLegend={() => setLegend((v) => !v)}
        onOutline={() => setOutline((v) => !v)}
      />
      {!model.running && (
        <StepBar
          step={shownStep}
          total={pathLength}
          nameOf={(op) => model.names.get(op)}
          dtypeOf={(op) => structure.ops.get(op)?.node.dtype}
        />
      )}
      {/* The explanation card is docked beside the drawing (a wide pane) or under it: never over the red path. */}
      <div className="gp-main">
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
      <div className="gp-body">
        <div className="gp-stage">
          <div
            className="gp-canvas"
            ref={container}
            data-testid="graph-canvas"
            data-drawn={model.scene.nodes.length}
            role="img"
            aria-label={`Drawing of the graph: ${model.opCount} ops. The text view lists them with their state in the selected run.`}
          />
          {model.preview && !empty && (
            <p className="gp-preview-label" data-testid="graph-preview-label">
              not run yet
            </p>
          )}
          {(layoutStatus ?? buildingStatus) !== null && (
            <p className="gp-layout-status" data-testid="graph-layout-status" aria-live="polite">
              {layoutStatus ?? buildingStatus}
            </p>
          )}
          {empty && (
            <p className="gp-empty">
              {model.running ? "Building the graph…" : "Run a program: every tf call adds a node here, and every sess.run lights up the path it took."}
            </p>
          )}
        </div>
        {legend && <Legend palette={palette} devices={byDevice} />}
        {outline && (
          <GraphOutline structure={structure} states={model.highlight?.ops ?? null} flow={model.highlight?.flow ?? null} names={model.names} drawnAs={drawnAs} selected={selectedOp} onLine={lineOps} visible omitted={omittedOps} onSelect={selectOp} />
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
            ran={target.kind === "group" ? seriesRan(structure, target.name, model.highlight?.ops) : null}
            flow={model.highlight?.flow ?? null}
            shown={target.kind === "group" ? view.byId.get(`g:${target.name}`)?.shown ?? null : null}
            onShowMore={showMore}
            onSelect={selectOp}
            onToggle={toggle}
            onClose={() => {
              setTarget(null);
              selectNode(null);
            }}
          />
        )}
      </div>
      </div>
      {!outline && <GraphOutline structure={structure} states={model.highlight?.ops ?? null} flow={model.highlight?.flow ?? null} names={model.names} drawnAs={drawnAs} selected={selectedOp} onLine={lineOps} visible={false} omitted={omittedOps} onSelect={selectOp} />}
      <div className="gp-sr-only" role="status" aria-live="polite">
        {model.announcement}
      </div>
    </section>
  );
}

export default GraphPane;
