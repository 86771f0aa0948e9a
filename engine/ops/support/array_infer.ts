/**
 * Shape inference helpers with the wording of TF's C++ `InferenceContext` (WithRank, Merge,
 * MakeShapeFromShapeTensor, ...) and its error context: when a shape function read a constant
 * input, TF's ValueError ends with `and with computed input tensors: input[1] = <2>.` (or
 * `and with input tensors computed as partial shapes: input[1] = [2,3].`), which
 * `InferContext.fail` alone cannot add.
 */
import { ValueError } from "../../errors.js";
import { summarizeTensorTF1 } from "../../format/tfprint.js";
import type { InferContext } from "../../op.js";
import type { NDArray } from "../../ndarray.js";
import { Dim, TensorShape } from "../../shape.js";

/** A shape-function run: reads constant inputs as TF's `input_tensor(i)` does and fails with TF's context. */
export class ShapeFn {
  private readonly tensorsRead = new Set<number>();
  private readonly partialRead = new Map<number, TensorShape>();

  constructor(readonly c: InferContext<unknown>) {}

  /** TF's `c->input_tensor(i)`: input i's value when it is a constant (remembered for errors). */
  tensor(i: number): NDArray | null {
    const v = this.c.constValue(i);
    if (v !== null) this.tensorsRead.add(i);
    return v;
  }

  /** Input i's constant value as plain numbers, or null. */
  ints(i: number): number[] | null {
    const v = this.tensor(i);
    return v === null ? null : Array.from(v.data as Int32Array);
  }

  /**
   * TF's `MakeShapeFromShapeTensor(i)`: the shape a 1-D int tensor describes when it is a
   * constant (-1 entries unknown), else only its length. (TF also looks through `Shape` and
   * `Pack` producers; InferContext does not show producers, so those stay unknown here.)
   */
  shapeFromTensor(i: number): TensorShape {
    const spec = this.withRank(this.c.shapes[i], 1);
    const partial = partialShapeOf(this.c, i);
    this.tensor(i);
    if (partial !== null) {
      if (partial.dims !== null) this.partialRead.set(i, partial);
      return partial;
    }
    const n = spec.dims?.[0] ?? null;
    return n === null ? TensorShape.unknown() : new TensorShape(new Array<Dim>(n).fill(null));
  }

  /** Throws TF's ValueError: `msg for 'name' (op: 'Type') with input shapes: ... [and with computed input tensors: ...].` */
  fail(msg: string): never {
    const shapes = this.c.shapes.map((s) => s.debugString().replace("<unknown>", "?")).join(", ");
    let text = `${msg} for '${this.c.opName}' (op: '${this.c.opType}') with input shapes: ${shapes}`;
    const computed: string[] = [];
    const partial: string[] = [];
    for (let i = 0; i < this.c.shapes.length; i++) {
      const p = this.partialRead.get(i);
      if (p !== undefined) partial.push(`input[${i}] = ${p.debugString()}`);
      else if (this.tensorsRead.has(i)) computed.push(`input[${i}] = <${summarizeTensorTF1(this.c.constValue(i)!, 256)}>`);
    }
    if (computed.length) text += ` and with computed input tensors: ${computed.join(", ")}`;
    if (partial.length) text += ` and with input tensors computed as partial shapes: ${partial.join(",")}`;
    throw new ValueError(`${text}.`);
  }

  /** `WithRank`: unknown rank becomes `rank` unknown dims. */
  withRank(s: TensorShape, rank: number): TensorShape {
    if (s.dims === null) return new TensorShape(new Array<Dim>(rank).fill(null));
    if (s.dims.length !== rank) this.fail(`Shape must be rank ${rank} but is rank ${s.dims.length}`);
    return s;
  }

  /** `WithRankAtLeast`. */
  withRankAtLeast(s: TensorShape, rank: number): TensorShape {
    if (s.dims !== null && s.dims.length < rank) this.fail(`Shape must be at least rank ${rank} but is rank ${s.dims.length}`);
    return s;
  }

  /** `WithRankAtMost`. */
  withRankAtMost(s: TensorShape, rank: number): TensorShape {
    if (s.dims !== null && s.dims.length > rank) this.fail(`Shape must be at most rank ${rank} but is rank ${s.dims.length}`);
    return s;
  }

  /** `Merge` of two dims. */
  mergeDim(a: Dim, b: Dim): Dim {
    if (a === null) return b;
    if (b === null || a === b) return a;
    return this.fail(`Dimensions must be equal, but are ${a} and ${b}`);
  }

  /** `Merge` of two shapes; `context` is TF's `TF_RETURN_WITH_CONTEXT_IF_ERROR` line. */
  merge(a: TensorShape, b: TensorShape, context?: string): TensorShape {
    const suffix = context ? `\n\t${context}` : "";
    if (a.dims === null) return b;
    if (b.dims === null) return a;
    if (a.dims.length !== b.dims.length) this.fail(`Shapes must be equal rank, but are ${a.dims.length} and ${b.dims.length}${suffix}`);
    const out = a.dims.map((d, i) => {
      const e = b.dims![i];
      if (d !== null && e !== null && d !== e) {
        this.fail(`Dimension ${i} in both shapes must be equal, but are ${d} and ${e}. Shapes are ${a.debugString()} and ${b.debugString()}.${suffix}`);
      }
      return d ?? e;
    });
    return new TensorShape(out);
  }
}

/**
 * The partial shape a constant int tensor describes (TF's `ConstantPartialShape` for a Const):
 * -1 entries are unknown dims, a scalar -1 is an unknown rank.
 */
export function partialShapeOf(c: InferContext<unknown>, i: number): TensorShape | null {
  const v = c.constValue(i);
  if (v !== null) {
    if (v.shape.length === 0) return Number(v.data[0]) === -1 ? TensorShape.unknown() : null;
    return new TensorShape(Array.from(v.data as Int32Array, (d) => (d < 0 ? null : d)));
  }
  return null;
}

/** Canonical (non-negative) axis in `[-rank, rank)`, or null when out of range. */
export function canonicalAxis(axis: number, rank: number): number | null {
  if (axis < -rank || axis >= rank) return null;
  return axis < 0 ? axis + rank : axis;
}

/** `[2,3]` as TF's C++ `TensorShape::DebugString` prints a concrete shape. */
export function dimsString(shape: readonly number[]): string {
  return `[${shape.join(",")}]`;
}

/** TF's `SliceDebugString(shape, flat)`: the multi-index of a flat position, e.g. `[1,0]`. */
export function sliceDebugString(shape: readonly number[], flat: number): string {
  if (shape.length === 0) return "";
  const idx: number[] = [];
  for (let i = shape.length - 1; i >= 0; i--) {
    idx.unshift(flat % shape[i]);
    flat = Math.floor(flat / shape[i]);
  }
  return `[${idx.join(",")}]`;
}
