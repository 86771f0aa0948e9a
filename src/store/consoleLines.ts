/**
 * The console as the page keeps it: the first 1,000 lines and the last 5,000 (the runner's
 * summarizer decides which), with the count of lines in between ("N lines omitted"). Lines
 * carry their number over the whole program.
 */
/** Which stream a console line came from. */
export type ConsoleKind = "stdout" | "stderr";

/** One line of program output, numbered from 0 over the whole program run. */
export interface ConsoleLine {
  n: number;
  kind: ConsoleKind;
  text: string;
}

export const HEAD_LINES = 1000;
export const TAIL_LINES = 5000;

export interface ConsoleState {
  head: ConsoleLine[];
  tail: ConsoleLine[];
  /** Lines the program wrote in total (kept or not). */
  total: number;
  /** True once the stream said lines were omitted (later lines belong to the tail). */
  omittedSeen?: boolean;
}

export function emptyConsole(): ConsoleState {
  return { head: [], tail: [], total: 0 };
}

/** Lines neither in the head nor in the tail. */
export function omittedLines(c: ConsoleState): number {
  return c.total - c.head.length - c.tail.length;
}
