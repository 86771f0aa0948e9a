/**
 * The console's retention: the first 1,000 lines and the last 5,000, with the count of lines
 * in between ("N lines omitted"). Lines carry their number over the whole program, so a gap
 * the worker left (it skips lines that would fall between head and tail) is counted too.
 */
import type { ConsoleLine } from "../worker/protocol";

export const HEAD_LINES = 1000;
export const TAIL_LINES = 5000;

export interface ConsoleState {
  head: ConsoleLine[];
  tail: ConsoleLine[];
  /** Lines the program wrote in total (kept or not). */
  total: number;
}

export function emptyConsole(): ConsoleState {
  return { head: [], tail: [], total: 0 };
}

/** Lines neither in the head nor in the tail. */
export function omittedLines(c: ConsoleState): number {
  return c.total - c.head.length - c.tail.length;
}

/** Appends lines (ascending `n`); `total` becomes at least the last line's number + 1. */
export function appendLines(c: ConsoleState, lines: readonly ConsoleLine[], total?: number): ConsoleState {
  if (lines.length === 0 && (total === undefined || total === c.total)) return c;
  let head = c.head;
  let i = 0;
  if (head.length < HEAD_LINES) {
    const room = HEAD_LINES - head.length;
    // Only lines continuing the head belong to it (n === head.length).
    let k = 0;
    while (k < lines.length && k < room && lines[k].n === head.length + k) k++;
    if (k > 0) head = head.concat(lines.slice(0, k));
    i = k;
  }
  let tail = c.tail;
  if (i < lines.length) {
    const rest = lines.length - i > TAIL_LINES ? lines.slice(lines.length - TAIL_LINES) : lines.slice(i);
    tail = tail.concat(rest);
    if (tail.length > TAIL_LINES) tail = tail.slice(tail.length - TAIL_LINES);
  }
  const last = lines.length > 0 ? lines[lines.length - 1].n + 1 : 0;
  return { head, tail, total: Math.max(c.total, last, total ?? 0) };
}
