/**
 * Runs ELK off the main thread (elkjs's own worker build) and keeps the results: one layout
 * in flight at a time, newer requests replacing queued ones (while a program grows its graph,
 * only the latest structure matters), and a cache keyed by structure so running the same
 * program again lays nothing out.
 */
import ELK from "elkjs/lib/elk-api.js";
import type { ELK as ElkApi } from "elkjs/lib/elk-api";
import elkWorkerUrl from "elkjs/lib/elk-worker.min.js?url";
import type { GraphView } from "../model/view";
import { fromElk, toElk, type Positions, type Size } from "./elkGraph";
import { layoutKey } from "./positions";

export interface LayoutResult {
  positions: Positions;
  /** Time from request to answer (0 for a cache hit). */
  ms: number;
  cached: boolean;
  key: string;
}

interface Job {
  view: GraphView;
  sizes: ReadonlyMap<string, Size>;
  key: string;
  resolve(r: LayoutResult | null): void;
  reject(e: unknown): void;
  t0: number;
}

const CACHE_SIZE = 24;

export class LayoutEngine {
  private elk: ElkApi | null = null;
  private readonly cache = new Map<string, Positions>();
  private running: Job | null = null;
  private queued: Job | null = null;
  private disposed = false;

  private api(): ElkApi {
    // The worker is a classic script (a GWT build), started on first use.
    this.elk ??= new ELK({ workerFactory: () => new Worker(elkWorkerUrl) });
    return this.elk;
  }

  /**
   * Starts the worker and lets ELK load (a few hundred ms, once) before the first real layout,
   * so a learner's first Run is laid out at once.
   */
  warm(): void {
    void this.api()
      .layout({ id: "warm", layoutOptions: { "elk.algorithm": "layered" }, children: [{ id: "a", width: 10, height: 10 }, { id: "b", width: 10, height: 10 }], edges: [{ id: "e", sources: ["a"], targets: ["b"] }] })
      .catch(() => undefined);
  }

  /** Whether a layout for this view is cached. */
  has(view: GraphView, sizes: ReadonlyMap<string, Size>): boolean {
    return this.cache.has(layoutKey(view, sizes));
  }

  /** Lays out a view; resolves null when a newer request replaced this one before it ran. */
  layout(view: GraphView, sizes: ReadonlyMap<string, Size>): Promise<LayoutResult | null> {
    const key = layoutKey(view, sizes);
    const hit = this.cache.get(key);
    if (hit !== undefined) {
      // Refresh the entry's place in the LRU order.
      this.cache.delete(key);
      this.cache.set(key, hit);
      return Promise.resolve({ positions: hit, ms: 0, cached: true, key });
    }
    return new Promise((resolve, reject) => {
      const job: Job = { view, sizes, key, resolve, reject, t0: performance.now() };
      if (this.running === null) this.start(job);
      else {
        this.queued?.resolve(null);
        this.queued = job;
      }
    });
  }

  private start(job: Job): void {
    this.running = job;
    this.api()
      .layout(toElk(job.view, job.sizes))
      .then(
        (laidOut) => {
          const positions = fromElk(laidOut);
          this.remember(job.key, positions);
          job.resolve({ positions, ms: performance.now() - job.t0, cached: false, key: job.key });
        },
        (e: unknown) => job.reject(e),
      )
      .finally(() => {
        this.running = null;
        const next = this.queued;
        this.queued = null;
        if (next !== null && !this.disposed) this.start(next);
      });
  }

  private remember(key: string, positions: Positions): void {
    this.cache.set(key, positions);
    if (this.cache.size > CACHE_SIZE) this.cache.delete(this.cache.keys().next().value!);
  }

  dispose(): void {
    this.disposed = true;
    this.queued?.resolve(null);
    this.queued = null;
    this.elk?.terminateWorker();
    this.elk = null;
  }
}
