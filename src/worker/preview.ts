/**
 * The build-only pass behind the graph pane's "not run yet" picture: the program runs in its
 * own fresh sandboxed worker (the same sandbox and lock-down as a Run) with `buildOnly`, so it
 * stops at its first `sess.run` before anything executes; the page keeps only its node
 * events. A pass that runs longer than PREVIEW_LIMIT_MS is stopped (its worker terminated)
 * and gives nothing: a preview is never worth a busy core. The limit counts from the worker's
 * first message (a running program posts at once: its first op, or where its loop is), so a
 * slow worker start-up on a busy machine does not eat it; the start-up has BOOT_LIMIT_MS.
 */
import type { NodeEvent } from "../runner/events";
import { parseFromWorker, type ToWorker } from "./protocol";
import { sandboxedWorker, type WorkerLike } from "./sandbox/frame";
import programWorkerUrl from "./program.worker?worker&url";

/** A build-only pass runs this long at most... */
export const PREVIEW_LIMIT_MS = 1500;
/** ...after its worker started, which may take this long. */
export const BOOT_LIMIT_MS = 10_000;
/**
 * A cancelled pass (the learner pressed Run, or typed on) is stopped within this long even if
 * its worker says nothing meanwhile: it would otherwise keep a core building the same graph
 * as the program being run, and the page cloning its messages.
 */
export const CANCEL_CHECK_MS = 50;

/** Ids far from the client's run ids, so no message of one is taken for the other. */
let nextId = 1_000_000_000;

/**
 * Builds `source`'s graph without running it. Resolves with the ops it created before its
 * first `sess.run` (or its end), or null when it ran out of time, failed to load or was
 * cancelled (`signal.cancelled`, checked as messages arrive and every CANCEL_CHECK_MS).
 */
export function buildOnly(source: string, signal: { cancelled: boolean }, makeWorker: () => WorkerLike<ToWorker> = () => sandboxedWorker<ToWorker>(programWorkerUrl, "preview")): Promise<NodeEvent[] | null> {
  return new Promise((resolve) => {
    const runId = nextId++;
    const worker = makeWorker();
    const nodes: NodeEvent[] = [];
    let done = false;
    const end = (result: NodeEvent[] | null): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      clearInterval(cancelCheck);
      worker.onmessage = null;
      worker.onerror = null;
      worker.terminate();
      resolve(result);
    };
    let timer = setTimeout(() => end(null), BOOT_LIMIT_MS);
    const cancelCheck = setInterval(() => {
      if (signal.cancelled) end(null);
    }, CANCEL_CHECK_MS);
    let started = false;
    worker.onmessage = (event) => {
      if (signal.cancelled) return end(null);
      if (!started) {
        started = true;
        clearTimeout(timer);
        timer = setTimeout(() => end(null), PREVIEW_LIMIT_MS);
      }
      const parsed = parseFromWorker(event.data, runId);
      if (!parsed.ok) return end(null);
      const m = parsed.message;
      if (m.type !== "batch") return;
      for (const item of m.batch.items) if (item.type === "node") nodes.push(item);
      if (m.batch.final) end(nodes);
    };
    worker.onerror = (event) => {
      event.preventDefault?.();
      end(null);
    };
    worker.postMessage({ type: "start", runId, source, seed: 0, buildOnly: true });
  });
}
