/**
 * The summary ops `tf.summary.scalar`, `histogram` and `merge` build: each outputs a serialized
 * `Summary` (a string; format/summary_text.ts) that `FileWriter.add_summary` writes. TF's
 * kernels are pure; here each also records a `summary` side effect (tag and value), because the
 * playground shows what a run summarized, and so always runs when on the path.
 */
import { DType, float32, float64, int32, int64, string as stringDType } from "../../dtypes.js";
import { InvalidArgumentError } from "../../errors.js";
import { NDArray } from "../../ndarray.js";
import { defineOp, type KernelContext } from "../../op.js";
import { TensorShape } from "../../shape.js";
import { decodeSummary, encodeSummary, histogramOf, SummaryParseError, type SummaryValue } from "../../format/summary_text.js";

const REAL = {
  allowed: [float32, float64, int32, int64],
  tfList: "float32, float64, int32, uint8, int16, int8, int64, bfloat16, uint16, float16, uint32, uint64",
};

function summaryOut(k: KernelContext<unknown>, values: SummaryValue[]): NDArray {
  const out = new NDArray(stringDType, [], [encodeSummary(values)]);
  if (k.recording) {
    for (const v of values) k.effect("summary", v.tag, undefined, "simple_value" in v ? v.simple_value : null, "simple_value" in v ? "scalar" : "histogram");
  }
  return out;
}

const shapeText = (s: readonly number[]): string => `[${s.join(",")}]`;

export const ScalarSummary = defineOp<{ T: DType }>({
  type: "ScalarSummary",
  cpuOnly: true,
  doc: "A summary of scalar values under their tags (what a FileWriter writes for TensorBoard's Scalars); recorded as a side effect of the run.",
  inputs: [
    { name: "tags", dtype: stringDType },
    { name: "values", typeAttr: "T" },
  ],
  typeAttrs: { T: REAL },
  effects: ["summary"],
  inferDtype: () => [stringDType],
  inferShape: () => [TensorShape.scalar()],
  kernel: ([tags, values], k) => {
    const same = tags.shape.length === values.shape.length && tags.shape.every((d, i) => d === values.shape[i]);
    if (!same) {
      const single = tags.size === 1 ? ` (tag '${(tags.data as string[])[0]}')` : "";
      throw new InvalidArgumentError(`tags and values not the same shape: ${shapeText(tags.shape)} != ${shapeText(values.shape)}${single}`, k.op.name);
    }
    const t = tags.data as string[];
    // simple_value is a float (32 bits) in the proto.
    return summaryOut(k, t.map((tag, i) => ({ tag, simple_value: Math.fround(Number(values.data[i])) })));
  },
  gradient: null,
});

export const HistogramSummary = defineOp<{ T: DType }>({
  type: "HistogramSummary",
  cpuOnly: true,
  doc: "A histogram of a tensor's values under a tag (TensorBoard's Histograms); recorded as a side effect of the run.",
  inputs: [
    { name: "tag", dtype: stringDType },
    { name: "values", typeAttr: "T" },
  ],
  typeAttrs: { T: { ...REAL, default: float32 } },
  effects: ["summary"],
  inferDtype: () => [stringDType],
  inferShape: () => [TensorShape.scalar()],
  kernel: ([tag, values], k) => {
    if (tag.shape.length !== 0) throw new InvalidArgumentError(`tags must be scalar`, k.op.name);
    const d = values.data as ArrayLike<number>;
    for (let i = 0; i < d.length; i++) {
      if (Number.isNaN(d[i])) throw new InvalidArgumentError(`Nan in summary histogram for: ${k.op.name}`, k.op.name);
      if (!Number.isFinite(d[i])) throw new InvalidArgumentError(`Infinity in summary histogram for: ${k.op.name}`, k.op.name);
    }
    return summaryOut(k, [{ tag: (tag.data as string[])[0], histo: histogramOf(d) }]);
  },
  gradient: null,
});

export const MergeSummary = defineOp<{ N: number }>({
  type: "MergeSummary",
  cpuOnly: true,
  doc: "One summary holding the values of all its input summaries (what `tf.summary.merge_all` fetches).",
  inputs: [{ name: "inputs", dtype: stringDType, list: true }],
  effects: [],
  inferDtype: () => [stringDType],
  inferShape: () => [TensorShape.scalar()],
  kernel: (inputs, k) => {
    const all: SummaryValue[] = [];
    const tags = new Set<string>();
    for (const input of inputs) {
      for (const text of input.data as string[]) {
        let values: SummaryValue[];
        try {
          values = decodeSummary(text);
        } catch (e) {
          if (e instanceof SummaryParseError) throw new InvalidArgumentError("Could not parse one of the summary inputs", k.op.name);
          throw e;
        }
        for (const v of values) {
          if (tags.has(v.tag)) throw new InvalidArgumentError(`Duplicate tag ${v.tag} found in summary inputs`, k.op.name);
          tags.add(v.tag);
          all.push(v);
        }
      }
    }
    return new NDArray(stringDType, [], [encodeSummary(all)]);
  },
  gradient: null,
});
