/**
 * Source and pass-through ops: constants, placeholders, identity, no-op — the op declarations
 * (what one node is and how it runs). Their Python builders, `tf.constant` & co., are a layer
 * up in engine/api/tf/core.ts, on purpose: a builder opens scopes, names converted values and
 * raises TF's TypeErrors, and may build several ops.
 */
import { DType } from "../../dtypes.js";
import { InvalidArgumentError } from "../../errors.js";
import { defineOp } from "../../op.js";
import type { NDArray } from "../../ndarray.js";
import { TensorShape } from "../../shape.js";
import { TYPES, dtypeOfT, sameShapeAsInput0 } from "../support/common.js";

export const Const = defineOp<{ value: NDArray; dtype: DType }>({
  type: "Const",
  doc: "A constant tensor: the same value in every run.",
  inputs: [],
  effects: [],
  inferDtype: (c) => [c.attrs.dtype],
  inferShape: (c) => [new TensorShape(c.attrs.value.shape)],
  kernel: (_, k) => k.attrs.value,
  gradient: null,
});

export const Placeholder = defineOp<{ dtype: DType; shape: TensorShape }>({
  type: "Placeholder",
  doc: "A value that must be fed in each run through feed_dict.",
  inputs: [],
  effects: ["placeholder"],
  inferDtype: (c) => [c.attrs.dtype],
  inferShape: (c) => [c.attrs.shape],
  kernel: (_, k) => {
    // Only reached when the placeholder is on the path and was not fed.
    const { dtype, shape } = k.attrs;
    const shapePart = shape.dims !== null && shape.dims.length > 0 ? ` and shape ${shape.debugString()}` : "";
    throw new InvalidArgumentError(`You must feed a value for placeholder tensor '${k.op.name}' with dtype ${dtype.cName}${shapePart}`, k.op.name);
  },
  gradient: null,
});

export const PlaceholderWithDefault = defineOp<{ dtype: DType; shape: TensorShape }>({
  type: "PlaceholderWithDefault",
  doc: "Passes its input through unless a value is fed in its place.",
  inputs: [{ name: "input", typeAttr: "dtype" }],
  effects: [],
  inferDtype: (c) => [c.attrs.dtype],
  inferShape: (c) => [c.attrs.shape],
  kernel: ([x]) => x,
  gradient: null,
});

export const Identity = defineOp<{ T: DType }>({
  type: "Identity",
  doc: "Returns its input unchanged (a new name for the same value).",
  inputs: [{ name: "input", typeAttr: "T" }],
  typeAttrs: { T: TYPES.any },
  effects: [],
  aliasesInput: true,
  scalarPassThrough: { input: 0, sameBuffer: true },
  inferDtype: dtypeOfT,
  inferShape: sameShapeAsInput0,
  kernel: ([x]) => x,
  gradient: (_op, [g]) => [g],
});

export const NoOp = defineOp({
  type: "NoOp",
  doc: "Does nothing; used to group control dependencies (e.g. `init`, a training step).",
  inputs: [],
  effects: [],
  inferDtype: () => [],
  inferShape: () => [],
  kernel: () => null,
  gradient: null,
});

export const StopGradient = defineOp<{ T: DType }>({
  type: "StopGradient",
  doc: "Returns its input; gradients do not flow back through it.",
  inputs: [{ name: "input", typeAttr: "T" }],
  typeAttrs: { T: TYPES.any },
  effects: [],
  aliasesInput: true,
  scalarPassThrough: { input: 0, sameBuffer: true },
  inferDtype: dtypeOfT,
  inferShape: sameShapeAsInput0,
  kernel: ([x]) => x,
  gradient: null,
});
