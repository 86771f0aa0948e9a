/**
 * What `play` (src/runner/cli.ts) and the program's process (src/runner/cli/child.ts) tell each
 * other. (Its own module: importing child.ts would start a program.)
 */
import type { ValuesMode } from "../events";

/** What `play` tells its child (as JSON in argv[2]). */
export interface ChildConfig {
  file: string;
  seed: number;
  values: ValuesMode;
  hints: boolean;
  trace: boolean;
  /** The directory of the program's files (play --files). */
  files: string;
}

/** Status lines the child writes on descriptor 4. */
export const STATUS = {
  /** The program starts now (the time limit counts from here). */
  started: "started",
  /** The trace holds runs or lines back for its end (lost if the program is killed). */
  folding: "folding",
  /** `line N`: the looping program is at line N. */
  line: "line",
} as const;
