/**
 * Small HTML callouts under nodes: a fed value, what a side effect did, where a run failed.
 * Cytoscape gives a node one label; these say more and stay readable at any zoom. They are
 * decoration (aria-hidden): the outline and the inspector say the same in text.
 */
import type { Core } from "cytoscape";

export interface Badge {
  /** Drawn node id. */
  id: string;
  kind: "fed" | "effect" | "error" | "value" | "count" | "dead";
  text: string;
}

/** More than this many callouts would cover the graph; the first ones (in path order) win. */
const MAX_BADGES = 40;

export class BadgeLayer {
  private readonly layer: HTMLDivElement;
  private badges: readonly Badge[] = [];
  private elements: HTMLDivElement[] = [];
  private frame = 0;
  private readonly onViewport = (): void => this.refresh();

  constructor(container: HTMLElement, private readonly cy: Core) {
    this.layer = document.createElement("div");
    this.layer.className = "gp-badges";
    this.layer.setAttribute("aria-hidden", "true");
    container.appendChild(this.layer);
    cy.on("viewport resize position", this.onViewport);
  }

  set(badges: readonly Badge[]): void {
    this.badges = badges.slice(0, MAX_BADGES);
    this.layer.replaceChildren();
    this.elements = this.badges.map((b) => {
      const el = document.createElement("div");
      el.className = `gp-badge gp-badge-${b.kind}`;
      el.textContent = b.text;
      el.dataset.node = b.id;
      this.layer.appendChild(el);
      return el;
    });
    this.refresh();
  }

  /** Repositions on the next frame (pan, zoom and layout moves call this often). */
  refresh(): void {
    if (this.frame !== 0) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.place();
    });
  }

  private place(): void {
    const zoom = this.cy.zoom();
    this.badges.forEach((b, i) => {
      const el = this.elements[i];
      const n = this.cy.getElementById(b.id);
      if (n.empty() || zoom < 0.3) {
        el.style.display = "none";
        return;
      }
      const p = n.renderedPosition();
      const h = n.renderedHeight();
      el.style.display = "";
      if (n.hasClass("expanded")) {
        // A box's callout ("not taken", "10 iterations") sits in its top right corner: below
        // the box it would cover what comes after it (a cond's Merge).
        const w = n.renderedWidth();
        el.style.transform = `translate(${Math.round(p.x + w / 2 - 4)}px, ${Math.round(p.y - h / 2 + 4)}px) translateX(-100%)`;
        return;
      }
      el.style.transform = `translate(${Math.round(p.x)}px, ${Math.round(p.y + h / 2 + 4)}px) translateX(-50%)`;
    });
  }

  destroy(): void {
    cancelAnimationFrame(this.frame);
    this.cy.removeListener("viewport resize position", this.onViewport);
    this.layer.remove();
  }
}
