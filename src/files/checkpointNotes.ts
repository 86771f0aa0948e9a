/**
 * What a session did with checkpoints, for the Session memory panel: the last checkpoint it
 * saved and the last one it was restored from, as of a run (from the kept runs' `save` and
 * `restore` side effects).
 */
import type { RunsStore } from "../store/runs";

export interface CheckpointNote {
  kind: "save" | "restore";
  /** The checkpoint's file (`/tmp/model.ckpt.npz`). */
  file: string;
  run: number;
}

/** The session's last save and last restore at or before run `at` (kept runs only), oldest first. */
export function checkpointNotes(runs: RunsStore, session: number, at: number): CheckpointNote[] {
  let save: CheckpointNote | null = null;
  let restore: CheckpointNote | null = null;
  for (const r of [...runs.head, ...runs.tail]) {
    if (r.index > at || r.session !== session) continue;
    for (const e of r.side_effects) {
      if (e.kind === "save" && e.text !== undefined) save = { kind: "save", file: e.text, run: r.index };
      if (e.kind === "restore" && e.text !== undefined) restore = { kind: "restore", file: e.text, run: r.index };
    }
  }
  return [save, restore].filter((n): n is CheckpointNote => n !== null).sort((a, b) => a.run - b.run);
}
