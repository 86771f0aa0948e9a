/**
 * tf.Print: an identity op whose side effect is a line on stderr, only when it runs. tf.Assert:
 * an op whose effect is failing the run when its condition is false.
 */
import { DType, bool } from "../../dtypes.js";
import { InvalidArgumentError } from "../../errors.js";
import { defineOp } from "../../op.js";
import { formatTfPrintLine, summarizeTensorTF1 } from "../../format/tfprint.js";
import { TYPES, sameShapeAsInput0 } from "../support/common.js";

export const Print = defineOp<{ T: DType; U: DType[]; message: string; first_n: number; summarize: number }>({
  type: "Print",
  cpuOnly: true,
  doc: "Passes `input` through and, as a side effect, prints `message` and the values of `data` to stderr.",
  inputs: [
    { name: "input", typeAttr: "T" },
    { name: "data", list: true },
  ],
  typeAttrs: { T: TYPES.any },
  effects: ["prints"],
  inferDtype: (c) => [c.dtypes[0]],
  inferShape: sameShapeAsInput0,
  kernel: (inputs, k) => {
    const { first_n, message, summarize } = k.attrs;
    const counter = k.state(() => ({ printed: 0 }));
    // TF's `first_n`: print only the first n times (per session), negative means always.
    if (first_n < 0 || counter.printed < first_n) {
      counter.printed++;
      const text = formatTfPrintLine(message, inputs.slice(1), summarize);
      k.stderr(text);
      k.effect("print", undefined, undefined, undefined, text);
    }
    return inputs[0];
  },
  // TF's _PrintGrad: the gradient flows to `input` only.
  gradient: (op, [g], b) => [g, ...op.inputs.slice(1).map(() => null)],
});

export const Assert = defineOp<{ T: DType[]; summarize: number }>({
  type: "Assert",
  cpuOnly: true,
  doc: "Fails the run with `InvalidArgumentError: assertion failed: [data...]` when `condition` is false.",
  inputs: [
    { name: "condition", dtype: bool },
    { name: "data", list: true },
  ],
  effects: ["asserts"],
  inferDtype: () => [],
  inferShape: (c) => {
    const dims = c.shapes[0].dims;
    // TF's IsLegacyScalar: a scalar, or a vector of one element.
    if (dims !== null && dims.length > 1) c.fail(`Shape must be rank 0 but is rank ${dims.length}`);
    return [];
  },
  kernel: ([cond, ...data], k) => {
    if (cond.shape.length > 1 || cond.size !== 1) throw new InvalidArgumentError(`In[0] should be a scalar: [${cond.shape.join(",")}]`);
    if (cond.data[0]) return null;
    // TF's AssertOp: each data tensor summarized in brackets, separated by spaces.
    throw new InvalidArgumentError(`assertion failed: ${data.map((t) => `[${summarizeTensorTF1(t, k.attrs.summarize)}]`).join(" ")}`);
  },
  gradient: null,
});
