/**
 * TF's `convert_to_tensor`: tensors pass through (dtype-checked), variables become their value
 * (or their ref), JS values become Const nodes named after the argument (`add/y`).
 */
import { DType } from "../dtypes.js";
import { EngineContext } from "../context.js";
import { Operation, Tensor } from "../graph.js";
import { PyTypeError, ValueError } from "../errors.js";
import { constantToNDArray } from "../convert.js";
import { NDArray } from "../ndarray.js";
import { OPS } from "../ops/registry.js";

/** Objects that stand for a tensor (TF's tensor conversion registry): variables. */
export interface TensorConvertible {
  /** The tensor to read (`v/read:0`), or the ref tensor (`v:0`) when `asRef`. */
  _as_tensor(asRef: boolean): Tensor;
}

/** True for a Tensor or anything that converts to one without creating a constant. */
export function isTensorLike(x: unknown): x is Tensor | TensorConvertible {
  return x instanceof Tensor || (x !== null && typeof x === "object" && typeof (x as TensorConvertible)._as_tensor === "function");
}

export interface ConvertOptions {
  dtype?: DType | null;
  name?: string | null;
  asRef?: boolean;
  /** Used for Python values when `dtype` is not given (TF's `preferred_dtype`). */
  preferredDtype?: DType | null;
}

/**
 * Converts `value` to a Tensor in the context's default graph.
 * @throws ValueError `Tensor conversion requested dtype int32 for Tensor with dtype float32: ...`
 */
export function convertToTensor(ctx: EngineContext, value: unknown, opts: ConvertOptions = {}): Tensor {
  if (value instanceof Tensor) return checkDtype(value, opts.dtype);
  if (isTensorLike(value)) return checkDtype((value as TensorConvertible)._as_tensor(opts.asRef ?? false), opts.dtype);
  if (value instanceof Operation) {
    throw new PyTypeError(
      `Can't convert Operation '${value.name}' to Tensor (target dtype=${opts.dtype ? opts.dtype.name : "None"}, name='${opts.name ?? "Const"}', as_ref=${opts.asRef ? "True" : "False"})`,
    );
  }
  if (value === null || value === undefined) {
    throw new ValueError("None values not supported.");
  }
  if (Array.isArray(value) && containsTensor(value)) return packList(ctx, value, opts);
  let arr: NDArray;
  try {
    arr = constantToNDArray(value, opts.dtype ?? null);
  } catch (e) {
    if (opts.dtype || !opts.preferredDtype) throw e;
    arr = constantToNDArray(value, null);
  }
  if (!opts.dtype && opts.preferredDtype && opts.preferredDtype !== arr.dtype && arr.dtype.isNumeric && opts.preferredDtype.isNumeric) {
    try {
      arr = constantToNDArray(value, opts.preferredDtype);
    } catch {
      // TF falls back to the inferred dtype when the preferred one does not fit.
    }
  }
  return makeConst(ctx, arr, opts.name ?? "Const");
}

function checkDtype(t: Tensor, dtype: DType | null | undefined): Tensor {
  if (dtype && t.dtype.base_dtype !== dtype.base_dtype) {
    throw new ValueError(`Tensor conversion requested dtype ${dtype.name} for Tensor with dtype ${t.dtype.displayName}: '${t}'`);
  }
  return t;
}

function containsTensor(v: unknown[]): boolean {
  return v.some((e) => isTensorLike(e) || (Array.isArray(e) && containsTensor(e)));
}

/**
 * A list mixing tensors and numbers converts through `Pack`, as TF's `_autopacking_helper`
 * does: inside scope `packed`, plain items become Consts named by their index, nested lists
 * pack in a scope named by theirs.
 */
function packList(ctx: EngineContext, value: unknown[], opts: ConvertOptions, scopeName = "packed"): Tensor {
  const g = ctx.defaultGraph();
  return g.name_scope(opts.name ?? scopeName, (scope) => {
    const items = value.map((e, i) => (Array.isArray(e) && containsTensor(e) ? packList(ctx, e, { dtype: opts.dtype }, String(i)) : e));
    const first = items.find((e) => isTensorLike(e));
    const dtype = opts.dtype ?? (first ? convertToTensor(ctx, first).dtype.base_dtype : null);
    const tensors = items.map((e, i) => (isTensorLike(e) ? convertToTensor(ctx, e, { dtype }) : makeConst(ctx, constantToNDArray(e, dtype), String(i))));
    return g._createOp(OPS.get("Pack"), tensors, { N: tensors.length, T: dtype, axis: 0 }, scope.slice(0, -1)).outputs[0];
  });
}

/** Adds a Const node holding `value`, named `name` (uniquified). */
export function makeConst(ctx: EngineContext, value: NDArray, name: string): Tensor {
  const g = ctx.defaultGraph();
  const full = g.unique_name(name);
  return g._createOp(OPS.get("Const"), [], { value, dtype: value.dtype }, full).outputs[0];
}
