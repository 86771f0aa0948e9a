/**
 * The class string of every drawn element, composed from four independent sources: its kind
 * (from the scene), whether its edge follows ELK's route, the pointers marking it (line,
 * hover, hint, selection, the stepper's op) and the run's highlight. Each source changes on
 * its own; an element is restyled only when its composed string changes, since restyling
 * thousands of unchanged elements per run is what made highlights slow.
 */
import type { EdgeSingular, NodeSingular } from "cytoscape";
import type { CanvasHighlight, MarkKind } from "./canvasTypes";

const MARK_KINDS: readonly MarkKind[] = ["match", "hover", "hint", "selected", "current"];

/** An edge's highlight classes for `lit` once lit. */
export function edgeHighlight(lit: CanvasHighlight | null, id: string): string {
  return lit === null ? "" : lit.edges.get(id) ?? "dim";
}

export class ElementClasses {
  private readonly base = new Map<string, string>();
  /** Highlight classes per element id, and the full class string last set on each element. */
  private readonly hl = new Map<string, string>();
  private readonly applied = new Map<string, string>();
  /** Edges drawn along ELK's route (the others are straight until their layout arrives). */
  private readonly routed = new Set<string>();
  private readonly marks: Record<MarkKind, Set<string>> = { match: new Set(), hover: new Set(), hint: new Set(), selected: new Set(), current: new Set() };

  /** Starts a new picture's kind classes and routes (marks and highlight stay). */
  resetBase(): void {
    this.base.clear();
    this.routed.clear();
  }

  setBase(id: string, classes: string): void {
    this.base.set(id, classes);
  }

  setRouted(id: string): void {
    this.routed.add(id);
  }

  isExpanded(id: string): boolean {
    return this.base.get(id)?.includes("expanded") ?? false;
  }

  highlightOf(id: string): string | undefined {
    return this.hl.get(id);
  }

  setHighlight(id: string, classes: string): void {
    this.hl.set(id, classes);
  }

  /** A node's highlight classes for `lit` once lit (an expanded group is never dimmed). */
  nodeHighlight(lit: CanvasHighlight | null, id: string): string {
    return lit === null ? "" : lit.nodes.get(id) ?? (this.isExpanded(id) ? "" : "dim");
  }

  /** Replaces the ids a mark is on; returns the ids whose classes may have changed. */
  setMark(kind: MarkKind, ids: readonly string[]): Set<string> {
    const before = this.marks[kind];
    const after = new Set(ids);
    this.marks[kind] = after;
    return new Set([...before, ...after]);
  }

  /** The full class list of an element: kind, routing, marks and the run's highlight. */
  compose(id: string): string {
    const marks = MARK_KINDS.filter((k) => this.marks[k].has(id));
    const own = [this.base.get(id) ?? "", this.routed.has(id) ? "routed" : "", ...marks].join(" ");
    const hl = this.hl.get(id) ?? "";
    return hl ? `${own} ${hl}` : own;
  }

  /** The classes an element is added with, remembered so later refreshes can skip it. */
  record(id: string): string {
    const cls = this.compose(id);
    this.applied.set(id, cls);
    return cls;
  }

  /** Sets an element's classes if they changed. */
  refresh(el: NodeSingular | EdgeSingular): void {
    const id = el.id();
    const cls = this.compose(id);
    if (this.applied.get(id) === cls) return;
    el.classes(cls);
    this.applied.set(id, cls);
  }

  /** Forgets what was applied (every element was removed). */
  forgetApplied(): void {
    this.applied.clear();
  }

  /** Forgets everything but the marks (the picture was cleared). */
  clear(): void {
    this.applied.clear();
    this.hl.clear();
    this.base.clear();
  }
}
