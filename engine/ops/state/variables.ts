/**
 * TF 1.x ref variables and the ops that write them. A variable's value lives in the session
 * (one cell per session), never in the graph; the edge from an assign to its variable is a
 * reference edge, not a dependency.
 */
import { DType, bool as boolDType } from "../../dtypes.js";
import { FailedPreconditionError, InvalidArgumentError, OpError } from "../../errors.js";
import { defineOp, KernelContext, VariableCell, type InferContext } from "../../op.js";
import { NDArray } from "../../ndarray.js";
import { TensorShape, sameShape } from "../../shape.js";
import { TYPES } from "../support/common.js";

/** An assign op's output: the variable's reference (`Tensor("Assign:0", ..., dtype=float32_ref)`). */
export function refOfT(c: InferContext<{ T?: DType }>): DType[] {
  return [(c.attrs.T ?? c.dtypes[0]).base_dtype._as_ref];
}

/** TF's error for reading a variable that holds no value yet. */
export function uninitialized(cell: VariableCell, opName: string): OpError {
  return new FailedPreconditionError(`Attempting to use uninitialized value ${cell.name}`, opName);
}

export const VariableV2 = defineOp<{ shape: TensorShape; dtype: DType }>({
  type: "VariableV2",
  doc: "A variable: a value kept in each session's memory across runs, changed only by assign ops.",
  inputs: [],
  effects: ["variable"],
  inferDtype: (c) => [c.attrs.dtype],
  inferShape: (c) => [c.attrs.shape],
  // Outputs the reference: null while uninitialized. Reading it is what fails (in the
  // consumer, or when the variable itself is fetched), so an initializer that reads another
  // variable after that variable's own initializer works.
  kernel: (_, k) => k.cell(-1).value as NDArray,
  gradient: null,
});

/** Writes `value` into the cell (reusing its buffer when the shape is unchanged). */
function store(k: KernelContext<unknown>, cell: VariableCell, value: NDArray, validateShape: boolean): NDArray {
  const old = cell.value;
  // An uninitialized variable has its declared shape (TF allocates it so): restoring a
  // checkpoint of another shape into a fresh variable fails as assigning it would.
  const declared = old === null ? k.op.inputs[0].shape.dims : null;
  const lhs = old !== null ? old.shape : declared !== null && declared.every((d) => d !== null) ? (declared as number[]) : null;
  if (lhs !== null && validateShape && !sameShape(lhs, value.shape)) {
    throw new InvalidArgumentError(
      `Assign requires shapes of both tensors to match. lhs shape= [${lhs.join(",")}] rhs shape= [${value.shape.join(",")}]`,
      k.op.name,
    );
  }
  const before = k.recording ? (old === null ? null : k.summarize(old)) : undefined;
  let target: NDArray;
  if (old !== null && old.dtype === value.dtype && sameShape(old.shape, value.shape) && old !== value) {
    (old.data as Float32Array).set(value.data as Float32Array);
    target = old;
  } else {
    target = value.copy();
  }
  cell.value = target;
  if (k.recording) k.effect(old === null ? "init" : "assign", cell.name, before, k.summarize(target));
  return target;
}

export const Assign = defineOp<{ T: DType; validate_shape: boolean; use_locking: boolean }>({
  type: "Assign",
  doc: "Writes `value` into the variable `ref` (a side effect) and outputs the new value.",
  inputs: [
    { name: "ref", typeAttr: "T", ref: true },
    { name: "value", typeAttr: "T" },
  ],
  typeAttrs: { T: TYPES.any },
  effects: ["writes-variable"],
  scalarUpdate: { effect: "assign", f: (_o, a) => a },
  inferDtype: refOfT,
  inferShape: (c) => {
    if (!c.attrs.validate_shape) return [c.shapes[1]];
    if (!c.shapes[0].is_compatible_with(c.shapes[1])) {
      c.fail(`Shapes must be equal rank, but are ${c.shapes[0].ndims} and ${c.shapes[1].ndims}`);
    }
    return [c.shapes[0].merge_with(c.shapes[1])];
  },
  kernel: ([, value], k) => store(k, k.cell(0), value, k.attrs.validate_shape),
  gradient: null,
});

function updateOp(type: "AssignAdd" | "AssignSub", sign: 1 | -1, doc: string) {
  return defineOp<{ T: DType; use_locking: boolean }>({
    type,
    doc,
    inputs: [
      { name: "ref", typeAttr: "T", ref: true },
      { name: "value", typeAttr: "T" },
    ],
    typeAttrs: { T: TYPES.number },
    effects: ["writes-variable"],
    scalarUpdate: sign > 0 ? { effect: "assign", f: (o, a) => o + a, i32: (o, a) => (o + a) | 0 } : { effect: "assign", f: (o, a) => o - a, i32: (o, a) => (o - a) | 0 },
    inferDtype: refOfT,
    inferShape: (c) => [c.shapes[0]],
    kernel: ([, value], k) => {
      const cell = k.cell(0);
      const old = cell.value;
      if (old === null) throw uninitialized(cell, k.op.name);
      if (!sameShape(old.shape, value.shape)) {
        throw new InvalidArgumentError(
          `Must have the same shape: lhs shape= [${old.shape.join(",")}] rhs shape= [${value.shape.join(",")}]`,
          k.op.name,
        );
      }
      const before = k.recording ? k.summarize(old) : undefined;
      const d = old.data as Float32Array;
      const v = value.data as Float32Array;
      if (old.dtype.isInteger) for (let i = 0; i < d.length; i++) d[i] = (d[i] + sign * v[i]) | 0;
      else for (let i = 0; i < d.length; i++) d[i] = d[i] + sign * v[i];
      if (k.recording) k.effect("assign", cell.name, before, k.summarize(old));
      return old;
    },
    gradient: null,
  });
}

export const AssignAdd = updateOp("AssignAdd", 1, "Adds `value` to the variable `ref` in place (a side effect).");
export const AssignSub = updateOp("AssignSub", -1, "Subtracts `value` from the variable `ref` in place (a side effect).");

export const IsVariableInitialized = defineOp<{ dtype: DType }>({
  type: "IsVariableInitialized",
  doc: "True if the variable holds a value in this session.",
  inputs: [{ name: "ref", typeAttr: "dtype", ref: true }],
  typeAttrs: { dtype: TYPES.any },
  effects: ["reads-variable"],
  inferDtype: () => [boolDType],
  inferShape: () => [TensorShape.scalar()],
  kernel: (_, k) => {
    const out = k.alloc(boolDType, []);
    (out.data as Uint8Array)[0] = k.cell(0).value === null ? 0 : 1;
    return out;
  },
  gradient: null,
});
