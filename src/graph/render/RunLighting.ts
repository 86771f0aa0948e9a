/**
 * What the selected run lights on the canvas: its path, fetches, feeds, side effects and the
 * failure's red path (as highlight classes), its value callouts, the path replayed in
 * execution order when the learner picks a run, and the stepper's partial run.
 */
import type { Core } from "cytoscape";
import type { BadgeLayer } from "./BadgeLayer";
import type { CanvasHighlight } from "./canvasTypes";
import { edgeHighlight, type ElementClasses } from "./ElementClasses";
import type { Minimap } from "./Minimap";
import { prefersReducedMotion } from "./Viewport";

/** Above this many elements the path is not replayed (each step redraws everything). */
const REPLAY_MAX_ELEMENTS = 900;

export class RunLighting {
  private lit: CanvasHighlight | null = null;
  /** While the stepper shows a run up to a step: each node's first step, and how many steps show. */
  private stepping: { stepOf: (id: string) => number; shown: number } | null = null;
  private animation = 0;

  constructor(
    private readonly cy: Core,
    private readonly classes: ElementClasses,
    private readonly badges: BadgeLayer,
    private readonly minimap: Minimap,
  ) {}

  /** The lit run's highlight, or null. */
  current(): CanvasHighlight | null {
    return this.lit;
  }

  /** Lights a run; `animate` replays the path in execution order first. */
  highlight(lit: CanvasHighlight | null, animate: boolean): void {
    cancelAnimationFrame(this.animation);
    this.lit = lit;
    this.stepping = null;
    if (lit === null || !animate || prefersReducedMotion() || lit.sequence.length < 2 || this.cy.elements().length > REPLAY_MAX_ELEMENTS || this.showsAlready(lit)) {
      this.apply(lit);
      return;
    }
    // Start from everything dim, then light the path node by node (edges with their target).
    const order = new Map(lit.sequence.map((id, i) => [id, i]));
    const total = Math.min(1400, 90 * lit.sequence.length);
    const t0 = performance.now();
    this.apply(lit, (id) => (order.has(id) ? order.get(id)! : -1), 0);
    let shown = 0;
    const step = (now: number): void => {
      const upTo = Math.min(lit.sequence.length, Math.floor(((now - t0) / total) * lit.sequence.length) + 1);
      if (upTo > shown) {
        shown = upTo;
        this.apply(lit, (id) => (order.has(id) ? order.get(id)! : -1), shown);
      }
      if (shown < lit.sequence.length) this.animation = requestAnimationFrame(step);
      else this.apply(lit);
    };
    this.animation = requestAnimationFrame(step);
  }

  /**
   * The stepper: lights `lit` as it was after `shown` steps — nodes whose first step (`stepOf`)
   * came before, the edges into them, their badges. With `stepOf` null (the last step) the
   * whole run shows, the failure's red path included. Only the elements whose classes change
   * are restyled, so a step costs little on a big graph.
   */
  highlightStep(lit: CanvasHighlight, stepOf: ((id: string) => number) | null, shown: number): void {
    cancelAnimationFrame(this.animation);
    this.lit = lit;
    this.stepping = stepOf === null ? null : { stepOf, shown };
    if (stepOf === null) this.apply(lit);
    else this.apply(lit, stepOf, shown, true);
  }

  /** Lights the elements of a new picture as the shown run (or step) has them. */
  reapply(): void {
    if (this.lit === null) return;
    if (this.stepping !== null) this.apply(this.lit, this.stepping.stepOf, this.stepping.shown, true);
    else this.apply(this.lit);
  }

  /** Ids of drawn nodes the lit run lights (path, fetched, fed, effect, error). */
  litIds(): string[] {
    const out: string[] = [];
    if (this.lit === null) return out;
    for (const [id, cls] of this.lit.nodes) if (cls !== "" && !this.cy.getElementById(id).empty()) out.push(id);
    return out;
  }

  stop(): void {
    cancelAnimationFrame(this.animation);
  }

  /**
   * Whether `lit` would light exactly what is lit now (another run of the same path, such as
   * a loop's last run after the loop streamed its runs): replaying the path would only redraw
   * the whole graph once per step to end where it started.
   */
  private showsAlready(lit: CanvasHighlight): boolean {
    let same = true;
    this.cy.nodes().forEach((n) => {
      if (same && this.classes.highlightOf(n.id()) !== this.classes.nodeHighlight(lit, n.id())) same = false;
    });
    this.cy.edges().forEach((e) => {
      if (same && this.classes.highlightOf(e.id()) !== edgeHighlight(lit, e.id())) same = false;
    });
    return same;
  }

  /**
   * Sets highlight classes. While animating, `stepOf` gives a node's place in the sequence
   * (-1 when it is not on it): nodes from `shown` on stay dim, as do edges into them, and the
   * failure's red path waits for the end.
   */
  private apply(lit: CanvasHighlight | null, stepOf?: (id: string) => number, shown = Infinity, stepBadges = false): void {
    const { cy, classes } = this;
    const during = (id: string, final: string): string => {
      if (stepOf === undefined || final === "" || final === "dim") return final;
      const step = stepOf(id);
      if (step >= 0) return step < shown ? final : "dim";
      return final.includes("hl-error") ? "dim" : final;
    };
    cy.batch(() => {
      cy.nodes().forEach((n) => {
        const id = n.id();
        classes.setHighlight(id, during(id, classes.nodeHighlight(lit, id)));
        classes.refresh(n);
      });
      cy.edges().forEach((e) => {
        const id = e.id();
        const final = edgeHighlight(lit, id);
        let hl = final;
        if (stepOf !== undefined && final !== "dim") {
          const step = stepOf(e.target().id());
          if ((step >= 0 && step >= shown) || final.includes("hl-error")) hl = "dim";
        }
        classes.setHighlight(id, hl);
        classes.refresh(e);
      });
    });
    // The path animation shows no callouts; the stepper shows those of the nodes lit so far.
    if (lit === null || (stepOf !== undefined && !stepBadges)) this.badges.set([]);
    else if (stepOf === undefined) this.badges.set(lit.badges);
    else this.badges.set(lit.badges.filter((b) => classes.highlightOf(b.id) !== "dim"));
    this.minimap.schedule(true);
  }
}
