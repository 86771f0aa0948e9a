/**
 * Adds new elements over a few frames. Cytoscape's first frame with an element styles it,
 * measures its label and paints its texture: a 150-element graph appearing at once cost a
 * 150 ms frame in the middle of a training loop; in chunks, each frame stays short and the
 * graph still appears within a few frames. Nodes come before the edges that join them.
 */
import type { Core, ElementDefinition } from "cytoscape";

/**
 * A progressive add spreads over about this many frames, at least PROGRESSIVE_MIN and at most
 * PROGRESSIVE_MAX elements a frame (a frame styling, measuring and painting more than ~100 new
 * elements is a long task on a slow machine).
 */
const PROGRESSIVE_FRAMES = 6;
export const PROGRESSIVE_MIN = 8;
const PROGRESSIVE_MAX = 80;

export class ProgressiveAdder {
  /** Definitions still to add, and the frame that adds the next chunk. */
  private queue: ElementDefinition[] = [];
  private queueFrame = 0;
  private queueDone: (() => void) | null = null;

  constructor(private readonly cy: Core) {}

  /** Starts adding `defs` (replacing what was queued); resolves once all are added or dropped. */
  add(defs: ElementDefinition[]): Promise<void> {
    this.drop();
    this.queue = defs;
    const perFrame = Math.min(PROGRESSIVE_MAX, Math.max(PROGRESSIVE_MIN, Math.ceil(defs.length / PROGRESSIVE_FRAMES)));
    return new Promise((resolve) => {
      this.queueDone = resolve;
      const step = (): void => {
        const chunk = this.queue.splice(0, perFrame);
        // Elements come with the lit run's classes: no restyling of the rest.
        if (chunk.length > 0 && !this.cy.destroyed()) this.cy.add(chunk);
        if (this.queue.length > 0) this.queueFrame = requestAnimationFrame(step);
        else this.finish();
      };
      step();
    });
  }

  /** Forgets what is still queued (the next sync adds what is missing). */
  drop(): void {
    cancelAnimationFrame(this.queueFrame);
    this.queue = [];
    this.finish();
  }

  private finish(): void {
    const done = this.queueDone;
    this.queueDone = null;
    done?.();
  }
}
