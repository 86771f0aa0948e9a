/**
 * How `play` ends, from how the program's process ended. The child reports the program's own
 * errors itself (exit code 1); everything else that stops it is said here, in the same
 * `ErrorName: message` form, and never as Node's stack.
 */
import type { ProgramError } from "../events";

/** How the child process ended, as `play` saw it. */
export interface ChildExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** `play` killed it at the time limit. */
  timedOut: boolean;
  /** What Node itself wrote on the child's stderr (e.g. V8's fatal out-of-memory report). */
  noise: string;
  /** The child said it started the program (before that, a failure is `play`'s own). */
  started: boolean;
  /** The line the program was last heard at (while looping), if any. */
  line?: number | null;
}

/** What `play` does: its exit code, and the error line to write (when the child did not). */
export interface PlayOutcome {
  exitCode: number;
  error: ProgramError | null;
  /** A failure of `play` itself (exit code 70): one line, no stack. */
  internal: string | null;
}

export interface Limits {
  timeLimit: number;
  memoryLimit: number;
}

const OUT_OF_MEMORY = /heap out of memory|Reached heap limit|Allocation failed|out of memory/i;

/**
 * @example
 * playOutcome({ code: null, signal: "SIGKILL", timedOut: true, noise: "", started: true }, { timeLimit: 30, memoryLimit: 2048 });
 * // { exitCode: 1, error: { type: "DeadlineExceededError", ... }, internal: null }
 */
export function playOutcome(exit: ChildExit, limits: Limits): PlayOutcome {
  if (exit.timedOut) {
    const error: ProgramError = {
      type: "DeadlineExceededError",
      message: `the program ran longer than the time limit of ${limits.timeLimit} s and was stopped (--time-limit SECONDS sets another; 0 means none)`,
    };
    return { exitCode: 1, error: exit.line ? { ...error, line: exit.line } : error, internal: null };
  }
  if (exit.started && (exit.code === 0 || exit.code === 1)) return { exitCode: exit.code, error: null, internal: null };
  // V8 aborts the process when the heap is full; the system's OOM killer sends SIGKILL.
  if (OUT_OF_MEMORY.test(exit.noise) || exit.signal === "SIGKILL") {
    return {
      exitCode: 1,
      error: {
        type: "MemoryError",
        message: `the program ran out of memory: it used up the ${limits.memoryLimit} MB it may use (--memory-limit MB sets another)`,
      },
      internal: null,
    };
  }
  const firstLine = exit.noise.split("\n").find((l) => l.trim() !== "")?.trim();
  const how = exit.signal !== null ? `signal ${exit.signal}` : `exit code ${exit.code}`;
  return { exitCode: 70, error: null, internal: `the program's process ended unexpectedly (${how})${firstLine ? `: ${firstLine}` : ""}` };
}
