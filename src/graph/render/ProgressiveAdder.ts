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
 * elements is a long task on a slow machine). The chunk then follows the frames: halved after
 * a frame that took longer than SLOW_FRAME_MS (a loaded machine: "Expand all" went from 140 ms
 * of drawing to seconds of long frames), grown again after quick ones.
 */
const PROGRESSIVE_FRAMES = 6;
export const PROGRESSIVE_MIN = 8;
const PROGRESSIVE_MAX = 80;
const SLOW_FRAME_MS = 34;
const QUICK_FRAME_MS = 20;

export class ProgressiveAdder {
  /** Definitions still to add, and the frame that adds the next chunk. */
  private queue: ElementDefinition[] = [];
  private queueFrame = 0;
  private queueDone: (() => void) | null = null;

  constructor(
    private readonly cy: Core,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Whether elements are still being added. */
  get busy(): boolean {
    return this.queue.length > 0;
  }

  /** Starts adding `defs` (replacing what was queued); resolves once all are added or dropped. */
  add(defs: ElementDefinition[]): Promise<void> {
    this.drop();
    this.queue = defs;
    let perFrame = Math.min(PROGRESSIVE_MAX, Math.max(PROGRESSIVE_MIN, Math.ceil(defs.length / PROGRESSIVE_FRAMES)));
    let last = -1;
    return new Promise((resolve) => {
      this.queueDone = resolve;
      const step = (): void => {
        // The time since the last chunk is that chunk's frame: its styling, measuring, painting.
        const t = this.now();
        if (last >= 0) {
          const frame = t - last;
          if (frame > SLOW_FRAME_MS) perFrame = Math.max(PROGRESSIVE_MIN, perFrame >> 1);
          else if (frame < QUICK_FRAME_MS) perFrame = Math.min(PROGRESSIVE_MAX, perFrame + (perFrame >> 1));
        }
        last = t;
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
