/**
 * A small hook for end-to-end tests and benchmarks: set the editor text through the page
 * (typing into Monaco is mangled by auto-indent), and read the store. Plain data only.
 */
import type { NodeEvent } from "../runner/events";
import { setCode, setSeed, setTimeLimit, showNodes, useStore } from "../store";
import { programClient } from "../worker/client";
import { failPane } from "./PaneBoundary";
import { chooseLanguage } from "./actions";

export interface PlaygroundTestHook {
  setCode(code: string): void;
  getCode(): string;
  /** The seed the next runs use (null: a fresh one each run). */
  setSeed(seed: number | null): void;
  state(): ReturnType<typeof useStore.getState>;
  /** Shows these nodes as a finished program's graph (the UI bench's generated graphs). */
  showNodes(nodes: NodeEvent[]): void;
  /** The program's language (as the toolbar's switch sets it; Python starts loading). */
  setLanguage?(language: "typescript" | "python"): void;
  /** The time limit of the next runs, in seconds (0: none). */
  setTimeLimit?(sec: number): void;
  /** Handles `data` as if the running program's worker had posted it (forged-message tests). */
  deliverWorkerMessage?(data: unknown): void;
  /** Makes a pane (by its error-box name: "graph", "console", ...) throw on its next render. */
  failPane?(name: string): void;
  /** The editor's markers (set once the editor has loaded): owner, line, severity, message. */
  markers?(): EditorMarker[];
  /** The language Monaco treats the editor's text as ("typescript", "python"). */
  editorLanguage?(): string;
}

export interface EditorMarker {
  owner: string;
  line: number;
  severity: "error" | "warning" | "info" | "hint";
  message: string;
  code?: string;
}

declare global {
  interface Window {
    __playground?: PlaygroundTestHook;
  }
}

export function installTestHook(): void {
  window.__playground = {
    // As if typed: the tests' text is the learner's (built before Run when the editor's was).
    setCode: (code) => setCode(code, "typed"),
    setSeed,
    getCode: () => useStore.getState().editor.code,
    state: () => useStore.getState(),
    showNodes,
    setTimeLimit,
    setLanguage: chooseLanguage,
    failPane,
    deliverWorkerMessage: (data) => programClient().receiveAsWorker(data),
  };
}
