/**
 * Runs ELK off the main thread (elkjs's own worker build) and keeps the results: one layout
 * in flight at a time, newer requests replacing queued ones (while a program grows its graph,
 * only the latest structure matters), and a cache keyed by the layout graph so running the
 * same program again lays nothing out. A layout that fails (ELK's own errors) or takes longer
 * than ELK_TIMEOUT_MS rejects, and the worker is replaced: the picture keeps the quick layout.
 */
import ELK from "elkjs/lib/elk-api.js";
import type { ELK as ElkApi } from "elkjs/lib/elk-api";
import elkWorkerUrl from "elkjs/lib/elk-worker.min.js?url";
import { fromElk, toElk, type Positions } from "./elkGraph";
import type { LayoutGraph } from "./layoutGraph";

export interface LayoutResult {
  positions: Positions;
  /** Time from request to answer (0 for a cache hit). */
  ms: number;
  cached: boolean;
  key: string;
}

interface Job {
  graph: LayoutGraph;
  key: string;
  resolve(r: LayoutResult | null): void;
  reject(e: unknown): void;
  t0: number;
  /** The timer that abandons the job after ELK_TIMEOUT_MS. */
  timer?: number;
}

const CACHE_SIZE = 24;
/** A layout still running after this long is abandoned (its worker terminated). */
export const ELK_TIMEOUT_MS = 10_000;

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

  /** Whether a layout for this graph is cached. */
  has(graph: LayoutGraph): boolean {
    return this.cache.has(graph.key);
  }

  /** Lays out a graph; resolves null when a newer request replaced this one before it ran. */
  layout(graph: LayoutGraph): Promise<LayoutResult | null> {
    const key = graph.key;
    const hit = this.cache.get(key);
    if (hit !== undefined) {
      // Refresh the entry's place in the LRU order.
      this.cache.delete(key);
      this.cache.set(key, hit);
      return Promise.resolve({ positions: hit, ms: 0, cached: true, key });
    }
    return new Promise((resolve, reject) => {
      const job: Job = { graph, key, resolve, reject, t0: performance.now() };
      if (this.running === null) this.start(job);
      else {
        this.queued?.resolve(null);
        this.queued = job;
      }
    });
  }

  private start(job: Job): void {
    this.running = job;
    const timeout = new Promise<never>((_, reject) => {
      job.timer = window.setTimeout(() => {
        // A worker stuck in a layout cannot be interrupted: replace it.
        this.elk?.terminateWorker();
        this.elk = null;
        reject(new Error(`ELK gave no layout within ${ELK_TIMEOUT_MS} ms`));
      }, ELK_TIMEOUT_MS);
    });
    Promise.race([this.api().layout(toElk(job.graph)), timeout])
      .then(
        (laidOut) => {
          const positions = fromElk(laidOut, job.graph);
          this.remember(job.key, positions);
          job.resolve({ positions, ms: performance.now() - job.t0, cached: false, key: job.key });
        },
        (e: unknown) => {
          // ELK's worker may be left broken by its own error ("Maximum call stack size exceeded").
          this.elk?.terminateWorker();
          this.elk = null;
          job.reject(e);
        },
      )
      .finally(() => {
        clearTimeout(job.timer);
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

  /**
   * Stops the worker. Pending requests resolve null at once (the worker's answer will never
   * come), rather than failing ELK_TIMEOUT_MS later with nobody waiting.
   */
  dispose(): void {
    this.disposed = true;
    this.queued?.resolve(null);
    this.queued = null;
    if (this.running !== null) {
      clearTimeout(this.running.timer);
      this.running.resolve(null);
    }
    this.elk?.terminateWorker();
    this.elk = null;
  }
}
