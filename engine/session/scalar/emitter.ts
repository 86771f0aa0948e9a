/**
 * The scalar compiler's working state: the program's lines so far and the tables the program
 * closes over (constants, functions, variable cells), with the operations every emitter
 * shares: a slot's register, an input's expression, a constant.
 *
 * Registers: `r<slot>` holds slot `slot`'s number. Tables: `K` constants, `G` functions that
 * could not be inlined, `C` variable cells (`c<i>` is cell i's data, read once per run), `D`
 * their dtypes, `P` the plan's 0-d feed buffers, `F` the fed values, `R` the results, `V` the
 * value slots, `W` the deferred values, `L` the plan's memory, `E` the effect recorder, `S`
 * the numpy scalar classes of the fetched values.
 */
import { DType, float32, float64, int32, int64 } from "../../dtypes.js";
import { NDArray } from "../../ndarray.js";
import { scalarClass, type NpScalarClass } from "../../numpy/scalar.js";
import type { VariableCell } from "../../op.js";
import type { EffectKind } from "../../records.js";
import type { PlanRun, StepRun } from "../run_state.js";

/** A number in a 0-d float32, float64, int32 or int64 array: what the program keeps in registers. */
export function isScalarNumeric(v: NDArray | null): v is NDArray {
  return v !== null && v.shape.length === 0 && (v.dtype === float32 || v.dtype === float64 || v.dtype === int32 || v.dtype === int64);
}

/**
 * Rounds a JS expression to `dtype`, as storing it into that dtype's typed array would (int64
 * is stored as a float64 holding a whole number: element functions give whole numbers).
 */
export function round(expr: string, dtype: DType): string {
  if (dtype === float32) return `Math.fround(${expr})`;
  if (dtype === int32) return `((${expr}) | 0)`;
  return `(${expr})`;
}

/** A variable write the program records: before/after values in `eb<e>` / `ea<e>`. */
export interface EffectSite {
  step: StepRun;
  kind: EffectKind;
  cell: VariableCell;
}

export class Emitter {
  /** The value slots, holding the values of the generic run the program is compiled after. */
  readonly values: (NDArray | null)[];
  /** Slots whose value cannot change between runs (constants, shapes of fixed-shape scalars). */
  readonly isConst: Uint8Array;
  /** Checks made before anything runs (the fed values are numbers). */
  readonly checks: string[] = [];
  /** One or more lines per step, in step order. */
  readonly lines: string[] = [];
  readonly consts: number[] = [];
  readonly funcs: ((...x: number[]) => number)[] = [];
  readonly cells: VariableCell[] = [];
  readonly cellDtypes: DType[] = [];
  /** Slots the program gives a buffer of their own, written back after each run. */
  readonly owned: NDArray[] = [];
  readonly effects: EffectSite[] = [];
  /** The numpy scalar classes fetched numbers are returned in. */
  readonly scalarClasses: NpScalarClass[] = [];
  /**
   * The variable whose own buffer a slot holds (a VariableV2's output, a pass-through of one, an
   * update op's output). The generic executor passes that buffer along, so a consumer sees an
   * assign made earlier in the same run: here such a consumer reads the variable again instead
   * of a register.
   */
  readonly slotCell: (VariableCell | null)[];

  constructor(readonly run: PlanRun) {
    this.values = run.values;
    this.isConst = new Uint8Array(run.plan.nSlots);
    this.slotCell = new Array(run.plan.nSlots).fill(null);
  }

  /** The register of a slot. */
  reg(slot: number): string {
    return `r${slot}`;
  }

  /** `c<i>[0]`, the current number of a variable, its cell added to the table on first use. */
  variable(cell: VariableCell, dtype: DType): string {
    let i = this.cells.indexOf(cell);
    if (i < 0) {
      i = this.cells.push(cell) - 1;
      this.cellDtypes.push(dtype);
    }
    return `c${i}`;
  }

  /** `S[<i>]`'s index: the numpy scalar class of `dtype` in the program's table. */
  scalarClass(dtype: DType): number {
    const cls = scalarClass(dtype)!;
    const i = this.scalarClasses.indexOf(cls);
    return i >= 0 ? i : this.scalarClasses.push(cls) - 1;
  }

  /** A constant of the program. */
  constant(x: number): string {
    return `K[${this.consts.push(x) - 1}]`;
  }

  /** The variable input j of a step reads, directly or through a slot that holds its buffer. */
  cellOfInput(s: StepRun, j: number): VariableCell | null {
    return s.varIn?.[j] ?? (s.inSlots[j] >= 0 ? this.slotCell[s.inSlots[j]] : null);
  }

  /** The expression reading input j of a step: a fresh variable read, a constant, or a register (null: not a scalar). */
  input(s: StepRun, j: number): string | null {
    const c = this.cellOfInput(s, j);
    const slot = s.inSlots[j];
    if (c !== null) {
      const v = c.value;
      if (!isScalarNumeric(v)) return null;
      return `${this.variable(c, v.dtype)}[0]`;
    }
    if (slot < 0) return null;
    if (this.isConst[slot]) {
      const v = this.values[slot];
      if (!isScalarNumeric(v)) return null;
      return this.constant(v.data[0] as number);
    }
    return this.reg(slot);
  }

  /**
   * Ends a step whose value is `expr`: a register, and a buffer of its own for the slot, written
   * back after the run (for RunLive, and for the generic executor, which may take over later).
   */
  assign(slot: number, expr: string, dtype: DType): void {
    this.lines.push(`const ${this.reg(slot)} = ${expr};`);
    const own = NDArray.zeros(dtype, []);
    (own.data as Float64Array)[0] = this.values[slot]!.data[0] as number; // the value of the run just done
    this.values[slot] = own;
    this.owned[slot] = own;
  }
}
