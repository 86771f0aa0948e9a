/**
 * The open `tf.control_dependencies` blocks of a graph, and the control inputs a new op gets
 * from them (TF's `_ControlDependenciesController` and `_control_dependencies_for_inputs`).
 */
import type { Operation } from "./graph_elements.js";

/** One `control_dependencies` block: the ops every new op waits for (null: cleared). */
export interface ControlFrame {
  ops: Operation[] | null;
  /** Ops created inside this block (TF's `op_in_group`, for the "dominated" rule). */
  seen: Set<Operation>;
}

/** The open blocks at one moment (see ControlDependencyStack.save). */
export type ControlDepsState = readonly ControlFrame[];

export class ControlDependencyStack {
  private readonly frames: ControlFrame[] = [];

  /** The open blocks, for a `with` block entered and exited as two calls (Python's). */
  save(): ControlDepsState {
    return this.frames.slice();
  }

  /** Puts back the blocks `save` returned. */
  restore(state: ControlDepsState): void {
    this.frames.length = 0;
    this.frames.push(...state);
  }

  /** Runs `fn` inside a block waiting for `ops` (null clears the enclosing blocks). */
  within<T>(ops: Operation[] | null, fn: () => T): T {
    this.frames.push({ ops, seen: new Set() });
    try {
      return fn();
    } finally {
      this.frames.pop();
    }
  }

  /**
   * Control inputs a new op reading `inputOps` gets, as TF's `_control_dependencies_for_inputs`:
   * a block is skipped when one of the op's inputs was itself created inside it (the op is
   * "dominated": it already waits through that input), and an op it reads as data is not
   * repeated as a control input.
   */
  inputsFor(inputOps: ReadonlySet<Operation>): Operation[] {
    const out: Operation[] = [];
    for (const frame of this.active()) {
      let dominated = false;
      for (const op of inputOps) {
        if (frame.seen.has(op)) {
          dominated = true;
          break;
        }
      }
      if (dominated) continue;
      for (const op of frame.ops!) if (!inputOps.has(op) && !out.includes(op)) out.push(op);
    }
    return out;
  }

  /** Records an op as created inside the open blocks (TF's `_record_op_seen_by_control_dependencies`). */
  recordSeen(op: Operation): void {
    for (const frame of this.active()) frame.seen.add(op);
  }

  /** The active blocks: those after the innermost `control_dependencies(null)`. */
  private active(): ControlFrame[] {
    let start = 0;
    for (let i = this.frames.length - 1; i >= 0; i--) {
      if (this.frames[i].ops === null) {
        start = i + 1;
        break;
      }
    }
    return this.frames.slice(start);
  }
}
