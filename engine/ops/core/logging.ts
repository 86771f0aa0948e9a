/**
 * tf.Print: an identity op whose side effect is a line on stderr, only when it runs.
 */
import { DType } from "../../dtypes.js";
import { defineOp } from "../../op.js";
import { formatTfPrintLine } from "../../format/tfprint.js";
import { TYPES, sameShapeAsInput0 } from "../support/common.js";

export const Print = defineOp<{ T: DType; U: DType[]; message: string; first_n: number; summarize: number }>({
  type: "Print",
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
