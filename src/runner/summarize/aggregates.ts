/**
 * Runs that are not kept in full, counted per distinct computation: the same plan and the same
 * executed path (a failed run of a plan executes only a prefix of its path, so it counts
 * separately). A path is told apart by its length, and, in a plan with control flow, by which
 * ops and outputs were dead (two branches of a `tf.cond` may run as many ops as each other). A training loop's 98,000 middle runs become one row: path, count, ok, errors.
 */
import type { RunEvent } from "../events";

/** The runs of one (plan, executed path) not kept in full. */
export interface RunAggregate {
  /** The engine's plan id, or null for the row that collects runs beyond the aggregate limit. */
  plan: number | null;
  graph: number;
  session: number;
  fetches: string[];
  feeds: string[];
  path: string[];
  count: number;
  ok: number;
  failed: number;
  /** Failed runs by error type. */
  errors: Record<string, number>;
  first_index: number;
  last_index: number;
  /** Line of the newest run. */
  line: number | null;
  /**
   * Control flow only: the ops the untaken branches kept from running (the same in every run
   * of the row: runs whose dead ops differ are counted apart, as their paths differ).
   */
  dead?: string[];
  /** Control flow only: outputs left dead by ops that ran (the same in every run of the row). */
  dead_outputs?: string[];
  /** While loops only: the iterations of the newest run. */
  loops?: { frame: string; iterations: number; entered: number }[];
}

/** Aggregates with a cap on how many distinct rows exist. */
export class RunAggregates {
  private readonly rows = new Map<number, Map<number | string, RunAggregate>>();
  private rowCount = 0;
  private overflow: RunAggregate | null = null;
  private dirty: RunAggregate[] = [];
  private readonly isDirty = new WeakSet<RunAggregate>();
  /** The row of the previous run: a loop adds thousands of runs to one row. */
  private lastRow: RunAggregate | null = null;
  private lastPlan = -1;
  private lastLength: number | string = -1;

  constructor(private readonly maxRows: number) {}

  /** Whether lastRow is already in `dirty` (saves the WeakSet lookup in a loop). */
  private lastDirty = false;

  /** Counts one run. */
  add(run: RunEvent): void {
    let row: RunAggregate | undefined;
    const last = this.lastRow;
    const key = pathKey(run);
    if (last !== null && run.plan === this.lastPlan && key === this.lastLength) {
      this.count(last, run, this.lastDirty);
      this.lastDirty = true;
      return;
    }
    let byLength = this.rows.get(run.plan);
    row = byLength?.get(key);
    if (row === undefined) {
      if (this.rowCount >= this.maxRows) {
        row = this.overflow ??= emptyRow(null, run);
      } else {
        row = emptyRow(run.plan, run);
        if (!byLength) this.rows.set(run.plan, (byLength = new Map()));
        byLength.set(key, row);
        this.rowCount++;
      }
    }
    this.count(row, run);
    if (row.plan !== null) {
      this.lastRow = row;
      this.lastPlan = run.plan;
      this.lastLength = key;
      this.lastDirty = true;
    }
  }

  /** Counts `run` in `row`; `knownDirty` skips the WeakSet lookup for the loop's row. */
  private count(row: RunAggregate, run: RunEvent, knownDirty = false): void {
    row.count++;
    if (run.ok) row.ok++;
    else {
      row.failed++;
      const type = run.error?.type ?? "Error";
      row.errors[type] = (row.errors[type] ?? 0) + 1;
    }
    row.last_index = run.index;
    row.line = run.line;
    if (run.loops !== undefined && row.plan !== null) row.loops = run.loops;
    if (!knownDirty && !this.isDirty.has(row)) {
      this.isDirty.add(row);
      this.dirty.push(row);
    }
  }

  /** Copies of the rows changed since the last call (the page replaces its rows by plan). */
  takeChanged(): RunAggregate[] {
    const out = this.dirty.map((r) => {
      this.isDirty.delete(r);
      return { ...r, errors: { ...r.errors } };
    });
    this.dirty = [];
    this.lastDirty = false;
    return out;
  }

  /** Every row (for tests and the final report). */
  all(): RunAggregate[] {
    const out: RunAggregate[] = [];
    for (const m of this.rows.values()) out.push(...m.values());
    if (this.overflow) out.push(this.overflow);
    return out;
  }
}

/** What tells a plan's executed paths apart: the length, and what was dead when anything was. */
function pathKey(run: RunEvent): number | string {
  const dead = run.dead;
  const outs = run.dead_outputs;
  if ((dead === undefined || dead.length === 0) && outs === undefined) return run.path.length;
  return `${run.path.length}|${dead?.join(",") ?? ""}|${outs?.join(",") ?? ""}`;
}

function emptyRow(plan: number | null, run: RunEvent): RunAggregate {
  const other = plan === null;
  return {
    plan,
    graph: run.graph,
    session: run.session,
    fetches: other ? [] : run.fetches,
    feeds: other ? [] : run.feeds,
    path: other ? [] : run.path,
    count: 0,
    ok: 0,
    failed: 0,
    errors: {},
    first_index: run.index,
    last_index: run.index,
    line: run.line,
    ...(!other && run.dead !== undefined ? { dead: run.dead } : {}),
    ...(!other && run.dead_outputs !== undefined ? { dead_outputs: run.dead_outputs } : {}),
  };
}
