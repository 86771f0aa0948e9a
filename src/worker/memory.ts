/**
 * Each session's memory (variable → value summary), folded from the runs' side effects, for
 * the session-memory panel. A training loop writes variables on every step, so nothing here
 * copies per run: the current memory is updated in place, and a snapshot is taken only for a
 * run the page keeps in full (the first runs as they happen, the newest run once per batch,
 * the last runs once at the end, folded forward from the memory before them).
 */
import type { SideEffectRecord, ValueSummary } from "../../engine/records";
import type { RunEvent } from "../runner/events";
import type { RunEntry } from "../store/runs";

/** A plain object, not a Map: a loop writes the same few keys every step, which objects do fastest. */
type Memory = Record<string, ValueSummary | null>;

function apply(mem: Memory, effects: readonly SideEffectRecord[]): void {
  for (let i = 0; i < effects.length; i++) {
    const fx = effects[i];
    if (fx.target !== undefined && fx.after !== undefined) mem[fx.target] = fx.after;
  }
}

function snapshot(mem: Memory | undefined): Record<string, ValueSummary | null> {
  return mem ? { ...mem } : {};
}

/** Tracks session memories alongside the summarizer's head/tail split. */
export class SessionMemories {
  private readonly current = new Map<number, Memory>();
  /** Memory before the oldest run held for the tail. */
  private readonly tailBase = new Map<number, Memory>();
  /** Sessions and effects of the runs held for the tail (parallel rings, references only). */
  private readonly ringSessions: Int32Array;
  private readonly ringEffects: (readonly SideEffectRecord[])[];
  private ringStart = 0;
  private ringCount = 0;
  private runs = 0;

  constructor(
    private readonly headRuns: number,
    tailRuns: number,
  ) {
    this.ringSessions = new Int32Array(Math.max(1, tailRuns));
    this.ringEffects = new Array(Math.max(1, tailRuns));
  }

  private memoryOf(map: Map<number, Memory>, session: number): Memory {
    let m = map.get(session);
    if (!m) map.set(session, (m = {}));
    return m;
  }

  /** Takes a run; returns it with its memory when the page keeps it in full as it happens. */
  take(e: RunEvent): RunEvent | RunEntry {
    apply(this.memoryOf(this.current, e.session), e.side_effects);
    if (++this.runs <= this.headRuns) return { ...e, memory: snapshot(this.current.get(e.session)) };
    const cap = this.ringSessions.length;
    if (this.ringCount === cap) {
      // The oldest held run leaves the tail (it will be aggregated): fold it into the base.
      apply(this.memoryOf(this.tailBase, this.ringSessions[this.ringStart]), this.ringEffects[this.ringStart]);
      this.ringStart = (this.ringStart + 1) % cap;
      this.ringCount--;
    }
    const i = (this.ringStart + this.ringCount++) % cap;
    this.ringSessions[i] = e.session;
    this.ringEffects[i] = e.side_effects;
    return e;
  }

  /** The newest run with a snapshot of its session's current memory (once per batch). */
  latest(e: RunEvent | null): RunEntry | null {
    return e === null ? null : { ...e, memory: snapshot(this.current.get(e.session)) };
  }

  /**
   * Gives the runs released at the end (the tail, in order, without memory) their memory,
   * folding forward from the memory before the tail. Runs that already have memory are kept.
   */
  fillTail(items: readonly unknown[]): void {
    const work = new Map<number, Memory>();
    for (const [s, m] of this.tailBase) work.set(s, { ...m });
    for (const item of items) {
      const e = item as RunEntry;
      if (e.type !== "run" || e.memory !== undefined) continue;
      const mem = this.memoryOf(work, e.session);
      apply(mem, e.side_effects);
      e.memory = snapshot(mem);
    }
  }
}
