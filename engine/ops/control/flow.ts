/**
 * TF 1.x's control-flow primitives, the ops `tf.cond` and `tf.while_loop` are made of:
 * Switch sends its input to one of two outputs and leaves the other dead; Merge forwards
 * whichever input is live; Enter, Exit and NextIteration move values into, out of and around
 * a while loop's frame; LoopCond is the loop's predicate. The executors run them from the
 * facts declared here (deadOutputs, deadInputs, frame), never from their types.
 */
import { DType, bool, int32 } from "../../dtypes.js";
import { InvalidArgumentError } from "../../errors.js";
import { DEAD, defineOp, type InferContext, type KernelContext } from "../../op.js";
import { NDArray } from "../../ndarray.js";
import { TensorShape } from "../../shape.js";
import { TYPES, dtypeOfT, sameShapeAsInput0 } from "../support/common.js";
import { allocOutput } from "../support/array_kernels.js";
import { uninitialized } from "../state/variables.js";

function rankZero(c: InferContext<unknown>, i: number): void {
  const dims = c.shapes[i].dims;
  if (dims !== null && dims.length !== 0) c.fail(`Shape must be rank 0 but is rank ${dims.length}`);
}

function switchKernel(data: NDArray, pred: NDArray): NDArray[] {
  if (pred.shape.length !== 0) throw new InvalidArgumentError(`The second input must be a scalar, but it has shape [${pred.shape.join(",")}]`);
  return pred.data[0] ? [DEAD, data] : [data, DEAD];
}

/** The value of the variable behind ref input 0, for a ref-forwarding op read as data. */
function refValue(k: KernelContext<unknown>): NDArray {
  const cell = k.cell(0);
  if (cell.value === null) throw uninitialized(cell, k.op.name);
  return cell.value;
}

export const Switch = defineOp<{ T: DType }>({
  type: "Switch",
  doc: "Forwards `data` to output 1 (`output_true`) when `pred` is true, else to output 0 (`output_false`); the other output is dead: nothing computed from it runs.",
  inputs: [
    { name: "data", typeAttr: "T" },
    { name: "pred", dtype: bool },
  ],
  typeAttrs: { T: TYPES.any },
  effects: [],
  deadOutputs: true,
  inferDtype: (c) => [c.attrs.T, c.attrs.T],
  inferShape: (c) => {
    rankZero(c, 1);
    return [c.shapes[0], c.shapes[0]];
  },
  kernel: ([data, pred]) => switchKernel(data, pred),
  gradient: (op, grads, b) => b.flow.switchGrad(op, grads),
});

export const RefSwitch = defineOp<{ T: DType }>({
  type: "RefSwitch",
  doc: "Switch for a variable's reference: an op in the branch that is taken writes the variable through it.",
  inputs: [
    { name: "data", typeAttr: "T", ref: true },
    { name: "pred", dtype: bool },
  ],
  typeAttrs: { T: TYPES.any },
  effects: [],
  deadOutputs: true,
  forwardsRef: true,
  inferDtype: (c) => [c.attrs.T, c.attrs.T],
  inferShape: (c) => {
    rankZero(c, 1);
    return [c.shapes[0], c.shapes[0]];
  },
  kernel: (ins, k) => switchKernel(refValue(k), ins[1]),
  gradient: (op, grads, b) => b.flow.switchGrad(op, grads),
});

/** TF's MergeShape: the inputs' common shape, with unknown dims where they differ. */
function mergeShape(c: InferContext<unknown>): TensorShape[] {
  let out = c.shapes[0];
  if (out.dims !== null) {
    const rank = out.dims.length;
    let dims: (number | null)[] = out.dims.slice();
    for (let i = 1; i < c.shapes.length; i++) {
      const s = c.shapes[i].dims;
      if (s === null || s.length !== rank) {
        dims = [];
        out = TensorShape.unknown();
        break;
      }
      for (let d = 0; d < rank; d++) if (s[d] !== dims[d]) dims[d] = null;
    }
    if (out.dims !== null) out = new TensorShape(dims);
  }
  return [out, new TensorShape([])];
}

export const Merge = defineOp<{ T: DType; N: number }>({
  type: "Merge",
  doc: "Forwards the value of whichever input is live (the branch that ran), and its index as `value_index`.",
  inputs: [{ name: "inputs", typeAttr: "T", list: true }],
  typeAttrs: { T: TYPES.any },
  effects: [],
  deadInputs: "any-live",
  inferDtype: (c) => [c.attrs.T, int32],
  inferShape: mergeShape,
  kernel: (inputs, k) => {
    for (let i = 0; i < inputs.length; i++) {
      if (inputs[i] === DEAD) continue;
      const index = allocOutput(k, 1, int32, []);
      index.data[0] = i;
      return [inputs[i], index];
    }
    return [DEAD, DEAD];
  },
  gradient: (op, grads, b) => b.flow.mergeGrad(op, grads),
});

/** TF's Enter shape function: a loop invariant keeps its shape; a loop variable's may change. */
function enterShape(c: InferContext<{ is_constant: boolean }>): TensorShape[] {
  return [c.attrs.is_constant ? c.shapes[0] : TensorShape.unknown()];
}

const enterAttrs = {
  inputs: [{ name: "data", typeAttr: "T" }],
  typeAttrs: { T: TYPES.any },
  effects: [],
  frame: "enter",
  inferDtype: dtypeOfT,
  inferShape: enterShape,
} as const;

export const Enter = defineOp<{ T: DType; frame_name: string; is_constant: boolean; parallel_iterations: number }>({
  ...enterAttrs,
  type: "Enter",
  doc: "Makes `data` available inside the while loop's frame `frame_name`: at its first iteration, or at every iteration if `is_constant`.",
  kernel: ([x]) => x,
  gradient: (op, grads, b) => b.flow.enterGrad(op, grads),
});

export const RefEnter = defineOp<{ T: DType; frame_name: string; is_constant: boolean; parallel_iterations: number }>({
  ...enterAttrs,
  type: "RefEnter",
  doc: "Enter for a variable's reference: an op in the loop writes the variable through it.",
  inputs: [{ name: "data", typeAttr: "T", ref: true }],
  forwardsRef: true,
  kernel: (_, k) => refValue(k),
  gradient: (op, grads, b) => b.flow.enterGrad(op, grads),
});

export const Exit = defineOp<{ T: DType }>({
  type: "Exit",
  doc: "Makes `data` available outside the while loop, once the loop ends.",
  inputs: [{ name: "data", typeAttr: "T" }],
  typeAttrs: { T: TYPES.any },
  effects: [],
  frame: "exit",
  inferDtype: dtypeOfT,
  inferShape: sameShapeAsInput0,
  kernel: ([x]) => x,
  gradient: (op, grads, b) => b.flow.exitGrad(op, grads),
});

export const NextIteration = defineOp<{ T: DType }>({
  type: "NextIteration",
  doc: "Passes `data` on to the next iteration of the loop (the loop's back edge, into its Merge).",
  inputs: [{ name: "data", typeAttr: "T" }],
  typeAttrs: { T: TYPES.any },
  effects: [],
  frame: "next-iteration",
  inferDtype: dtypeOfT,
  inferShape: sameShapeAsInput0,
  // A copy: the ops of the next iteration reuse their output buffers, and this value is
  // their input.
  kernel: ([x]) => new NDArray(x.dtype, x.shape, x.data.slice()),
  // TF's _NextIterationGrad: the backprop NextIteration is added by the Switch's gradient.
  gradient: (_op, [g]) => [g],
});

export const LoopCond = defineOp({
  type: "LoopCond",
  doc: "The while loop's predicate: whether to run the body once more (`pivot`).",
  inputs: [{ name: "input", dtype: bool }],
  effects: [],
  inferDtype: () => [bool],
  inferShape: (c) => {
    rankZero(c, 0);
    return [new TensorShape([])];
  },
  kernel: ([x]) => x,
  // TF's _LoopCondGrad: backprop stops at the predicate.
  gradient: null,
});

export const ControlTrigger = defineOp({
  type: "ControlTrigger",
  doc: "Does nothing, and runs even when its inputs are dead: a point other ops wait for (a loop gradient's sync).",
  inputs: [],
  effects: [],
  deadInputs: "ignore",
  inferDtype: () => [],
  inferShape: () => [],
  kernel: () => null,
  gradient: null,
});
