/**
 * Teaching hints from a program's event stream. Hints about a failed run or a growing graph
 * are reported as soon as they are known; hints about what never ran, at the end.
 *
 * Cheap per event: a run of an already-seen plan costs a WeakSet lookup and a look at its
 * side effects, so a 100,000-step training loop is not slowed down.
 */
import type { DiagnosticCode, DiagnosticEvent, NodeEvent, ProgramEvent, RunEvent } from "../events";
import { GraphFacts } from "./graph_facts";
import { LoopGrowthDetector } from "./loop_growth";
import { assignOffPath, opsInLoop, printOffPath, unfedPlaceholder, uninitializedVariable, variableAfterInit } from "./messages";
import { SourceLines } from "./source_hints";

/** At most this many hints of one code: a loop of failing runs should not drown the console. */
export const MAX_PER_CODE = 20;

const UNFED = /^You must feed a value for placeholder tensor '([^']+)'/;
const UNINITIALIZED = /Attempting to use uninitialized value ([^\s]+)/;

/**
 * Collects facts from events and reports diagnostics.
 * @example
 * const hints = new DiagnosticsTracker((d) => emit(d), source);
 * for (const e of events) hints.observe(e);
 * hints.finish();
 */
export class DiagnosticsTracker {
  private readonly graphs = new Map<number, { facts: GraphFacts; loops: LoopGrowthDetector }>();
  private readonly source: SourceLines | null;
  private readonly counts = new Map<DiagnosticCode, number>();
  private readonly once = new Set<string>();
  /** Variables already explained by an uninitialized-variable hint. */
  private readonly explained = new Set<string>();

  constructor(
    private readonly report: (d: DiagnosticEvent) => void,
    source: string | null = null,
    private readonly language: "typescript" | "python" = "typescript",
  ) {
    this.source = source === null ? null : new SourceLines(source);
  }

  /** Feeds one event; node and run events matter, others are ignored. */
  observe(e: ProgramEvent): void {
    if (e.type === "node") this.node(e);
    else if (e.type === "run") this.run(e);
  }

  /** Reports the hints that need the whole program (call once, after the last event). */
  finish(): void {
    for (const [graph, { facts }] of this.graphs) {
      if (facts.runs > 0) {
        for (const op of facts.ops.values()) {
          if (facts.onPath.has(op.event.name)) continue;
          if (op.event.op === "Print") this.emit(printOffPath(op, facts));
          else if (op.event.effects.includes("writes-variable") && !facts.initializerOf.has(op.event.name) && !facts.restoresFromFile(op.event)) {
            this.emit(assignOffPath(op, facts));
          }
        }
      }
      for (const v of facts.variables.values()) {
        if (!v.initBefore || facts.initialized.has(v.name) || this.explained.has(`${graph}|${v.name}`)) continue;
        if (facts.initOpsCovering(v.name).length > 0) continue;
        this.emit(variableAfterInit(v, v.initBefore));
      }
    }
  }

  private graph(id: number) {
    let g = this.graphs.get(id);
    if (!g) this.graphs.set(id, (g = { facts: new GraphFacts(), loops: new LoopGrowthDetector() }));
    return g;
  }

  private node(e: NodeEvent): void {
    const g = this.graph(e.graph);
    g.facts.addNode(e);
    const growth = g.loops.node(e, g.facts.runs);
    if (growth) this.emit(opsInLoop(growth));
  }

  private lastGraph = -1;
  private lastFacts: GraphFacts | null = null;

  private run(e: RunEvent): void {
    let facts = this.lastFacts;
    if (e.graph !== this.lastGraph || facts === null) {
      facts = this.lastFacts = this.graph(e.graph).facts;
      this.lastGraph = e.graph;
    }
    facts.addRun(e);
    if (e.ok || !e.error) return;
    const unfed = e.error.type === "InvalidArgumentError" ? UNFED.exec(e.error.message) : null;
    if (unfed) {
      const name = unfed[1];
      if (this.first(`unfed|${e.graph}|${name}|${e.line}`)) this.emit(unfedPlaceholder(e, facts.ops.get(name), name, this.source, this.language));
      return;
    }
    const uninit = e.error.type === "FailedPreconditionError" ? UNINITIALIZED.exec(e.error.message) : null;
    if (uninit) {
      const variable = uninit[1];
      this.explained.add(`${e.graph}|${variable}`);
      if (this.first(`uninit|${e.graph}|${variable}|${e.line}`)) this.emit(uninitializedVariable(e, variable, facts, this.source, this.language));
    }
  }

  private first(key: string): boolean {
    if (this.once.has(key)) return false;
    this.once.add(key);
    return true;
  }

  private emit(d: DiagnosticEvent): void {
    const n = this.counts.get(d.code) ?? 0;
    if (n >= MAX_PER_CODE) return;
    this.counts.set(d.code, n + 1);
    this.report(d);
  }
}
