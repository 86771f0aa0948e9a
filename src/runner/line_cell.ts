/**
 * The cell the instrumented program writes its current line to (`__ln.l=3;`) and whose counter
 * every loop iteration counts down (`if(--__ln.c<0)__ln.t();`, see transpile/rewrite.ts).
 *
 * When the counter runs out, `t()` calls the runner's `onLoopTick` with the current line: the
 * worker uses it to post pending events and where the program is while a loop produces no
 * events (so a program stuck in `while (true) {}` loses nothing printed before, and Stop can
 * say where it was). The count between ticks adapts so that ticks come roughly every
 * millisecond or two, whatever an iteration costs: a decrement per iteration, a clock read
 * per tick.
 */

/** The instrumented program's line cell. */
export interface LineCell {
  /** The learner's current line (null before the first statement). */
  l: number | null;
  /** Iterations until the next tick. */
  c: number;
  /** Called by the program when `c` runs out. */
  t(): void;
}

const FIRST_COUNT = 256;
const MAX_COUNT = 1 << 22;

/**
 * @param onLoopTick receives the current line every millisecond or so of looping; without it,
 *   ticks never come (the counter starts near 2^53).
 * @param now the clock (the worker's performance.now)
 */
export function lineCell(onLoopTick?: (line: number | null) => void, now: () => number = () => performance.now()): LineCell {
  if (!onLoopTick) {
    const cell: LineCell = { l: null, c: Number.MAX_SAFE_INTEGER, t: () => void (cell.c = Number.MAX_SAFE_INTEGER) };
    return cell;
  }
  let every = FIRST_COUNT;
  let last = now();
  const cell: LineCell = {
    l: null,
    c: FIRST_COUNT,
    t() {
      const t = now();
      const elapsed = t - last;
      last = t;
      // Aim for a tick every 1–4 ms: double the count while ticks come faster, halve it when slower.
      if (elapsed < 1) every = Math.min(every * 2, MAX_COUNT);
      else if (elapsed > 4) every = Math.max(every >> 1, 1);
      cell.c = every;
      onLoopTick(cell.l);
    },
  };
  return cell;
}
