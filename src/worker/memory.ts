/**
 * Each session's memory (variable → value summary), folded from the runs' side effects, for
 * the session-memory panel. A training loop writes variables on every step, so nothing here
 * copies per run: the current memory is updated in place, and a snapshot is taken only for a
 * run the page keeps in full (the first runs as they happen, the newest run once per batch,
 * the last runs once at the end, folded forward from the memory before them).
 */
import type { SideEffectRecord, ValueSummary } from "../../engine";
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

/**
 * Tracks session memories alongside the summarizer's head/tail split. During the head every
 * run's effects are applied (each kept run gets a snapshot). After it, a run costs only a
 * ring slot: the memory before the oldest held run (`tailBase`) absorbs runs as they leave
 * the ring, and the current memory is folded from it and the ring when asked (once a batch).
 */
export class SessionMemories {
  /** Memory after the newest run of the head (exact until the head ends). */
  private readonly current = new Map<number, Memory>();
  /** Memory before the oldest run held in the ring. */
  private tailBase = new Map<number, Memory>();
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
    if (++this.runs <= this.headRuns) {
      const mem = this.memoryOf(this.current, e.session);
      apply(mem, e.side_effects);
      return { ...e, memory: snapshot(mem) };
    }
    // The first run after the head: the ring starts from the head's final memory.
    if (this.runs === this.headRuns + 1) this.tailBase = copyAll(this.current);
    const cap = this.ringSessions.length;
    if (this.ringCount === cap) {
      // The oldest held run leaves the tail (it will be aggregated): fold it into the base.
      apply(this.memoryOf(this.tailBase, this.ringSessions[this.ringStart]), this.ringEffects[this.ringStart]);
      this.ringStart = this.ringStart + 1 === cap ? 0 : this.ringStart + 1;
      this.ringCount--;
    }
    const at = this.ringStart + this.ringCount++;
    const i = at >= cap ? at - cap : at;
    this.ringSessions[i] = e.session;
    this.ringEffects[i] = e.side_effects;
    return e;
  }

  /** The newest run with a snapshot of its session's current memory (once per batch). */
  latest(e: RunEvent | null): RunEntry | null {
    return e === null ? null : { ...e, memory: this.currentOf(e.session) };
  }

  /** A copy of `session`'s memory after the newest run taken. */
  private currentOf(session: number): Record<string, ValueSummary | null> {
    if (this.runs <= this.headRuns) return snapshot(this.current.get(session));
    const mem = snapshot(this.tailBase.get(session));
    const cap = this.ringSessions.length;
    for (let k = 0; k < this.ringCount; k++) {
      const i = (this.ringStart + k) % cap;
      if (this.ringSessions[i] === session) apply(mem, this.ringEffects[i]);
    }
    return mem;
  }

  /**
   * Gives the runs released at the end (the tail, in order, without memory) their memory,
   * folding forward from the memory before the tail. Runs that already have memory are kept.
   */
  fillTail(items: readonly unknown[]): void {
    const work = copyAll(this.tailBase);
    for (const item of items) {
      const e = item as RunEntry;
      if (e.type !== "run" || e.memory !== undefined) continue;
      const mem = this.memoryOf(work, e.session);
      apply(mem, e.side_effects);
      e.memory = snapshot(mem);
    }
  }
}

function copyAll(memories: Map<number, Memory>): Map<number, Memory> {
  const out = new Map<number, Memory>();
  for (const [s, m] of memories) out.set(s, { ...m });
  return out;
}
