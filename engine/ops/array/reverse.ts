/**
 * ReverseV2 (tf.reverse), Roll (tf.roll) and ReverseSequence (tf.reverse_sequence): the same
 * elements in another order along some axes. Shape functions and errors: array_ops.cc, manip_ops.cc; kernel errors: reverse_op.cc,
 * roll_op.cc. Gradients (array_grad.py, manip_grad.py): reverse the gradient along the same
 * axes; roll it back by the negated shift.
 */
import { DType, int64 } from "../../dtypes.js";
import { InvalidArgumentError } from "../../errors.js";
import { defineOp } from "../../op.js";
import type { KernelContext } from "../../op.js";
import type { NDArray } from "../../ndarray.js";
import { TensorShape, stridesOf } from "../../shape.js";
import { TYPES } from "../support/common.js";
import { ShapeFn } from "../support/array_infer.js";
import { intsOf } from "../support/array_kernels.js";

type Buf = { [i: number]: unknown };

/**
 * out[i] = x[j] where, along each axis d, j_d = (i_d + offset[d]) mod n_d, or n_d - 1 - i_d
 * when `flip[d]`: one pass over the output in row-major order.
 */
function remap(x: NDArray, k: KernelContext<unknown>, flip: readonly boolean[], offset: readonly number[]): NDArray {
  const out = k.alloc(x.dtype, x.shape);
  const shape = x.shape;
  const r = shape.length;
  const n = x.size;
  if (n === 0) return out;
  const strides = stridesOf(shape);
  const src = x.data as unknown as Buf;
  const dst = out.data as unknown as Buf;
  const idx = new Array<number>(r).fill(0);
  const from = (d: number, i: number) => (flip[d] ? shape[d] - 1 - i : (i + offset[d]) % shape[d]);
  for (let o = 0; o < n; o++) {
    let s = 0;
    for (let d = 0; d < r; d++) s += from(d, idx[d]) * strides[d];
    dst[o] = src[s];
    for (let d = r - 1; d >= 0; d--) {
      if (++idx[d] < shape[d]) break;
      idx[d] = 0;
    }
  }
  return out;
}

export const ReverseV2 = defineOp<{ T: DType; Tidx: DType }>({
  type: "ReverseV2",
  doc: "Reverses the order of the elements along each axis in `axis`.",
  inputs: [
    { name: "tensor", typeAttr: "T" },
    { name: "axis", typeAttr: "Tidx" },
  ],
  typeAttrs: { T: TYPES.any, Tidx: TYPES.intIndex },
  effects: [],
  inferDtype: (c) => [c.dtypes[0]],
  inferShape: (c) => {
    const f = new ShapeFn(c);
    f.withRank(c.shapes[1], 1);
    const input = c.shapes[0];
    if (input.dims !== null && input.dims.length > 8) f.fail("reverse does not work on tensors with more than 8 dimensions");
    const axes = f.ints(1);
    if (axes !== null && input.dims !== null) {
      const rank = input.dims.length;
      const seen = new Array<boolean>(rank).fill(false);
      axes.forEach((a, i) => {
        const ca = a < 0 ? rank + a : a;
        if (ca < 0 || ca >= rank) f.fail(`'axis'[${i}] = ${a} is out of valid range [0, ${rank - 1}`);
        if (seen[ca]) f.fail(`axis ${ca} specified more than once.`);
        seen[ca] = true;
      });
    }
    return [input];
  },
  kernel: ([x, axisT], k) => {
    const rank = x.shape.length;
    if (axisT.shape.length !== 1) throw new InvalidArgumentError(`'axis' must be 1-D, not ${JSON.stringify(axisT.shape).replace(/,/g, ", ")}`, k.op.name);
    const flip = new Array<boolean>(rank).fill(false);
    intsOf(axisT).forEach((a, i) => {
      const ca = a < 0 ? rank + a : a;
      if (ca < 0 || ca >= rank) throw new InvalidArgumentError(`'axis'[${i}] = ${a} is out of valid range [0, ${rank - 1}`, k.op.name);
      if (flip[ca]) throw new InvalidArgumentError(`axis ${ca} specified more than once.`, k.op.name);
      flip[ca] = true;
    });
    return remap(x, k, flip, new Array<number>(rank).fill(0));
  },
  gradient: (op, grads, b) => [b.tf.reverse(grads[0]!, op.inputs[1]), null],
});

export const Roll = defineOp<{ T: DType; Tshift: DType; Taxis: DType }>({
  type: "Roll",
  doc: "Shifts the elements along each axis in `axis` by `shift` places, wrapping around.",
  inputs: [
    { name: "input", typeAttr: "T" },
    { name: "shift", typeAttr: "Tshift" },
    { name: "axis", typeAttr: "Taxis" },
  ],
  typeAttrs: { T: TYPES.any, Tshift: TYPES.intIndex, Taxis: TYPES.intIndex },
  effects: [],
  inferDtype: (c) => [c.dtypes[0]],
  inferShape: (c) => {
    const f = new ShapeFn(c);
    f.withRankAtLeast(c.shapes[0], 1);
    f.withRankAtMost(c.shapes[1], 1);
    f.withRankAtMost(c.shapes[2], 1);
    f.merge(c.shapes[1], c.shapes[2]);
    return [c.shapes[0]];
  },
  kernel: ([x, shiftT, axisT], k) => {
    const rank = x.shape.length;
    if (rank < 1) throw new InvalidArgumentError("input must be 1-D or higher", k.op.name);
    if (shiftT.shape.length > 1) throw new InvalidArgumentError("shift must be a scalar or a 1-D vector. Found: " + shiftT.shape.length + "-D", k.op.name);
    if (axisT.shape.length > 1) throw new InvalidArgumentError("axis must be a scalar or a 1-D vector. Found: " + axisT.shape.length + "-D", k.op.name);
    const shifts = intsOf(shiftT);
    const axes = intsOf(axisT);
    if (shifts.length !== axes.length) throw new InvalidArgumentError(`shift and axis must have the same size`, k.op.name);
    const total = new Array<number>(rank).fill(0);
    axes.forEach((a, i) => {
      const ca = a < 0 ? a + rank : a;
      if (ca < 0 || ca >= rank) throw new InvalidArgumentError(`axis ${a} is out of range`, k.op.name);
      total[ca] += shifts[i];
    });
    // Output index i reads input index i - shift (mod n).
    const offset = total.map((s, d) => {
      const n = x.shape[d];
      return n === 0 ? 0 : (((-s % n) + n) % n);
    });
    return remap(x, k, new Array<boolean>(rank).fill(false), offset);
  },
  gradient: (op, grads, b) => [b.tf.roll(grads[0]!, b.py.neg(op.inputs[1]), op.inputs[2]), null, null],
});

type SeqAttrs = { T: DType; Tlen: DType; seq_dim: number; batch_dim: number };

export const ReverseSequence = defineOp<SeqAttrs>({
  type: "ReverseSequence",
  doc: "Reverses the first `seq_lengths[i]` elements along `seq_dim` of each slice i along `batch_dim`; the rest is copied.",
  inputs: [
    { name: "input", typeAttr: "T" },
    { name: "seq_lengths", typeAttr: "Tlen" },
  ],
  typeAttrs: { T: TYPES.any, Tlen: { ...TYPES.intIndex, default: int64 } },
  effects: [],
  inferDtype: (c) => [c.dtypes[0]],
  inferShape: (c) => {
    const f = new ShapeFn(c);
    const lens = f.withRank(c.shapes[1], 1);
    const { seq_dim: seq, batch_dim: batch } = c.attrs;
    const input = c.shapes[0];
    if (input.dims === null) return [input];
    const rank = input.dims.length;
    if (batch >= rank) f.fail(`batch_dim must be < input rank: ${batch} vs. ${rank}`);
    if (seq >= rank) f.fail(`seq_dim must be < input rank: ${seq} vs. ${rank}`);
    if (batch < 0) f.fail(`batch_dim must be >=0, got ${batch}`);
    const dims = [...input.dims];
    dims[batch] = f.mergeDim(dims[batch], lens.dims![0]);
    return [new TensorShape(dims)];
  },
  kernel: ([x, lensT], k) => {
    const op = k.op.name;
    const { seq_dim: seq, batch_dim: batch } = k.attrs;
    if (lensT.shape.length !== 1) throw new InvalidArgumentError(`seq_lens input must be 1-dim, not ${lensT.shape.length}`, op);
    const lens = intsOf(lensT);
    const rank = x.shape.length;
    if (batch === seq) throw new InvalidArgumentError(`batch_dim == seq_dim == ${seq}`, op);
    if (seq >= rank) throw new InvalidArgumentError(`seq_dim must be < input.dims()( ${seq} vs. ${rank})`, op);
    if (batch >= rank) throw new InvalidArgumentError(`batch_dim must be < input.dims()( ${batch} vs. ${rank})`, op);
    if (lens.length !== x.shape[batch]) throw new InvalidArgumentError(`len(seq_lens) != input.dims(${batch}), (${lens.length} vs. ${x.shape[batch]})`, op);
    lens.forEach((l, d) => {
      if (l < 0) throw new InvalidArgumentError(`seq_lens(${d}) < 0`, op);
      if (l > x.shape[seq]) throw new InvalidArgumentError(`seq_lens(${d}) > input.dims(${seq})`, op);
    });
    if (rank < 2 || rank > 5) throw new InvalidArgumentError(`ReverseSequenceOp : Unhandled input dimensions: ${rank}`, op);
    // out[..., b, ..., s, ...] = x[..., b, ..., lens[b] - 1 - s, ...] for s < lens[b], else x's own.
    const out = k.alloc(x.dtype, x.shape);
    const strides = stridesOf(x.shape);
    const src = x.data as unknown as Buf;
    const dst = out.data as unknown as Buf;
    const idx = new Array<number>(rank).fill(0);
    for (let o = 0; o < x.size; o++) {
      const l = lens[idx[batch]];
      const s = idx[seq];
      dst[o] = src[s < l ? o + (l - 1 - 2 * s) * strides[seq] : o];
      for (let d = rank - 1; d >= 0; d--) {
        if (++idx[d] < x.shape[d]) break;
        idx[d] = 0;
      }
    }
    return out;
  },
  // array_grad.py's _ReverseSequenceGrad: the same reversal of the gradient.
  gradient: (op, [g], b) => [b.gen("ReverseSequence", [g!, op.inputs[1]], { seq_dim: op.attrs.seq_dim, batch_dim: op.attrs.batch_dim }), null],
});
