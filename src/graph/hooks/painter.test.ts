import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { GraphDrawn } from "../drawnEvent";
import type { Positions } from "../layout/elkGraph";
import { buildLayoutGraph } from "../layout/layoutGraph";
import type { LayoutResult } from "../layout/layoutEngine";
import { regressionNodes } from "../model/fixtures";
import { buildStructure } from "../model/structure";
import { buildView } from "../model/view";
import { buildScene } from "../render/scene";
import { FINE_WAIT_MS, paint, STATUS_AFTER_MS, type PaintCanvas, type PaintEngine } from "./painter";

/** A canvas that records what it was asked to draw. */
function fakeCanvas() {
  const drawn: { centers: ReadonlyMap<string, unknown>; routes: unknown }[] = [];
  const canvas: PaintCanvas = {
    centers: () => new Map(),
    sync: (_n, _e, centers, routes) => {
      drawn.push({ centers, routes });
      return Promise.resolve(1);
    },
  };
  return { canvas, drawn };
}

/** An engine whose layout the test resolves (or rejects) by hand. */
function fakeEngine(cached = false) {
  let settle: { resolve(r: LayoutResult): void; reject(e: unknown): void } | null = null;
  const engine: PaintEngine = {
    has: () => cached,
    layout: () => new Promise((resolve, reject) => (settle = { resolve, reject })),
  };
  return { engine, settle: () => settle! };
}

function request(overrides: Partial<Parameters<typeof paint>[2]> = {}) {
  const view = buildView(buildStructure(regressionNodes()));
  const scene = buildScene(view, new Map());
  const graph = buildLayoutGraph(view, scene);
  const statuses: (string | null)[] = [];
  const reports: GraphDrawn[] = [];
  return {
    graph,
    statuses,
    reports,
    req: { scene, graph, running: false, fit: true, opCount: 20, modelMs: 0, onStatus: (t: string | null) => statuses.push(t), report: (d: GraphDrawn) => reports.push(d), ...overrides },
  };
}

const elkPositions = (graph: ReturnType<typeof request>["graph"]): Positions => ({
  centers: new Map(graph.nodes.filter((n) => !n.compound).map((n, i) => [n.id, { x: i * 100, y: 0 }])),
  routes: new Map(),
});

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe("paint", () => {
  it("draws ELK's picture when it comes within the wait, with no status shown", async () => {
    const { canvas, drawn } = fakeCanvas();
    const { engine, settle } = fakeEngine();
    const { req, graph, statuses, reports } = request();
    paint(canvas, engine, req);
    await vi.advanceTimersByTimeAsync(STATUS_AFTER_MS / 2);
    settle().resolve({ positions: elkPositions(graph), ms: 100, cached: false, key: graph.key });
    await vi.advanceTimersByTimeAsync(FINE_WAIT_MS * 2);
    expect(drawn).toHaveLength(1);
    expect(reports.map((r) => [r.layout, r.refined])).toEqual([["elk", false]]);
    expect(statuses.filter((s) => s !== null)).toEqual([]);
  });

  it("says it is laying out, draws the quick picture when ELK is late, then ELK's as a refinement", async () => {
    const { canvas, drawn } = fakeCanvas();
    const { engine, settle } = fakeEngine();
    const { req, graph, statuses, reports } = request();
    paint(canvas, engine, req);
    await vi.advanceTimersByTimeAsync(STATUS_AFTER_MS + 1);
    expect(statuses).toEqual([`Laying out ${graph.nodes.filter((n) => !n.compound).length} nodes…`]);
    await vi.advanceTimersByTimeAsync(FINE_WAIT_MS);
    expect(reports.map((r) => r.layout)).toEqual(["quick"]);
    settle().resolve({ positions: elkPositions(graph), ms: 5000, cached: false, key: graph.key });
    await vi.advanceTimersByTimeAsync(10);
    expect(drawn).toHaveLength(2);
    expect(reports.map((r) => [r.layout, r.refined])).toEqual([["quick", false], ["elk", true]]);
    expect(statuses[statuses.length - 1]).toBeNull();
  });

  it("stops saying it is laying out once the places are known, even while the canvas is still drawing them", async () => {
    // A draw waits for frames, which a window being resized (or hidden) holds back.
    const drawn: unknown[] = [];
    const canvas: PaintCanvas = {
      centers: () => new Map(),
      sync: () => {
        drawn.push(1);
        return new Promise(() => undefined);
      },
    };
    const { engine, settle } = fakeEngine();
    const { req, graph, statuses } = request();
    paint(canvas, engine, req);
    await vi.advanceTimersByTimeAsync(STATUS_AFTER_MS + 1);
    expect(statuses[statuses.length - 1]).toMatch(/^Laying out \d+ nodes…$/);
    // The quick picture is drawing, ELK still lays out: the status stays.
    await vi.advanceTimersByTimeAsync(FINE_WAIT_MS);
    expect(drawn).toHaveLength(1);
    expect(statuses[statuses.length - 1]).toMatch(/^Laying out/);
    settle().resolve({ positions: elkPositions(graph), ms: 900, cached: false, key: graph.key });
    await vi.advanceTimersByTimeAsync(10);
    expect(drawn).toHaveLength(2);
    expect(statuses[statuses.length - 1]).toBeNull();
    await vi.advanceTimersByTimeAsync(STATUS_AFTER_MS * 10);
    expect(statuses[statuses.length - 1]).toBeNull();
  });

  it("never says it is laying out when the places come within the status delay, however long the draw takes", async () => {
    const canvas: PaintCanvas = { centers: () => new Map(), sync: () => new Promise(() => undefined) };
    const { engine, settle } = fakeEngine();
    const { req, graph, statuses } = request();
    paint(canvas, engine, req);
    await vi.advanceTimersByTimeAsync(STATUS_AFTER_MS / 2);
    settle().resolve({ positions: elkPositions(graph), ms: 50, cached: false, key: graph.key });
    await vi.advanceTimersByTimeAsync(STATUS_AFTER_MS * 10);
    expect(statuses.filter((s) => s !== null)).toEqual([]);
  });

  it("keeps the quick picture when ELK fails", async () => {
    const { canvas, drawn } = fakeCanvas();
    const { engine, settle } = fakeEngine();
    const { req, statuses, reports } = request();
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    paint(canvas, engine, req);
    settle().reject(new RangeError("Maximum call stack size exceeded"));
    await vi.advanceTimersByTimeAsync(FINE_WAIT_MS * 2);
    expect(drawn).toHaveLength(1);
    expect(reports.map((r) => r.layout)).toEqual(["quick"]);
    expect(statuses[statuses.length - 1]).toBeNull();
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
  });

  it("draws nothing once cancelled", async () => {
    const { canvas, drawn } = fakeCanvas();
    const { engine, settle } = fakeEngine();
    const { req, graph } = request();
    const cancel = paint(canvas, engine, req);
    cancel();
    settle().resolve({ positions: elkPositions(graph), ms: 1, cached: false, key: graph.key });
    await vi.advanceTimersByTimeAsync(FINE_WAIT_MS * 2);
    expect(drawn).toEqual([]);
  });
});
