/**
 * Broadcasting arithmetic: Add, Sub, Mul, ... Each is one declaration: shape, kernel, gradient.
 */
import { DType } from "../dtypes.js";
import { defineOp, OpDef } from "../op.js";
import { binaryBroadcast } from "../kernels/elementwise.js";
import type { Operation, Tensor } from "../graph.js";
import { TYPES, broadcastShapeFn, dtypeOfT } from "./common.js";
import { unbroadcast } from "../gradients/unbroadcast.js";
import type { TypeAttrSpec } from "../op.js";

type BinAttrs = { T: DType };

/** Declares a broadcasting binary op with float and int32 kernels. */
function binaryOp(
  type: string,
  doc: string,
  types: TypeAttrSpec,
  f: (x: number, y: number) => number,
  fInt: (x: number, y: number) => number,
  gradient: OpDef<BinAttrs>["gradient"],
): OpDef<BinAttrs> {
  return defineOp<BinAttrs>({
    type,
    doc,
    inputs: [
      { name: "x", typeAttr: "T" },
      { name: "y", typeAttr: "T" },
    ],
    typeAttrs: { T: types },
    effects: [],
    inferDtype: dtypeOfT,
    inferShape: broadcastShapeFn,
    kernel: ([a, b], k) => binaryBroadcast(a, b, a.dtype, k, a.dtype.isInteger ? fInt : f),
    gradient,
  });
}

const tfOf = (op: Operation) => op.graph.ctx.tf;

export const Add = binaryOp(
  "Add",
  "Elementwise `x + y` with broadcasting (string concatenation for strings).",
  TYPES.numberAndString,
  (x, y) => x + y,
  (x, y) => (x + y) | 0,
  (op, [g]) => unbroadcast(op, g!, g!),
);

export const Sub = binaryOp(
  "Sub",
  "Elementwise `x - y` with broadcasting.",
  TYPES.number,
  (x, y) => x - y,
  (x, y) => (x - y) | 0,
  (op, [g]) => unbroadcast(op, g!, tfOf(op).negative(g!)),
);

export const Mul = binaryOp(
  "Mul",
  "Elementwise `x * y` with broadcasting.",
  TYPES.number,
  (x, y) => x * y,
  Math.imul,
  (op, [g]) => {
    const tf = tfOf(op);
    const [x, y] = op.inputs as [Tensor, Tensor];
    return unbroadcast(op, tf.multiply(g!, y), tf.multiply(x, g!));
  },
);
