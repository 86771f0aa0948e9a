/**
 * While a program runs, the editor's TypeScript work waits (up to a limit; see quietGate.ts):
 * the page tells its TypeScript worker over a BroadcastChannel when a run starts and ends, and
 * keeps the same state in `programQuiet` for the worker's start (tsWorkerStart.ts).
 */
import { useStore } from "../../store";
import { QUIET_MAX_WAIT_MS, QuietGate, quietChannelName, WORKER_NAME_PREFIX, type QuietMessage } from "../tsWorker/quietGate";
import type { EditorBinding } from "./types";

/** This page's id: the TypeScript worker carries it in its name and listens on its channel. */
const PAGE_ID = Math.random().toString(36).slice(2);

/** The name to give the page's TypeScript worker. */
export const TS_WORKER_NAME = WORKER_NAME_PREFIX + PAGE_ID;

/** Closed while a program runs (for at most QUIET_MAX_WAIT_MS from its start). */
export const programQuiet = new QuietGate(QUIET_MAX_WAIT_MS);

export const quietChecks: EditorBinding = () => {
  const channel = typeof BroadcastChannel === "function" ? new BroadcastChannel(quietChannelName(PAGE_ID)) : null;
  const set = (busy: boolean): void => {
    programQuiet.set(busy);
    channel?.postMessage({ busy } satisfies QuietMessage);
  };
  const unsubscribe = useStore.subscribe((s) => s.program.status === "running", set, { fireImmediately: true });
  return () => {
    unsubscribe();
    set(false);
    channel?.close();
  };
};
