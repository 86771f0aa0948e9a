/**
 * Indexing by values: GatherV2 (tf.gather) and OneHot (tf.one_hot). Shape functions and
 * kernel errors: array_ops.cc, gather_op.cc, one_hot_op.cc. (UnsortedSegmentSum, what TF turns
 * gather's IndexedSlices gradient into when it is made dense, stands with its family in
 * math/unsorted_segment.ts.)
 */
import { DType, int32, int64 } from "../../dtypes.js";
import { InvalidArgumentError } from "../../errors.js";
import { defineOp } from "../../op.js";
import { Dim, TensorShape } from "../../shape.js";
import type { TypeAttrSpec } from "../../op.js";
import { TYPES } from "../support/common.js";
import { ShapeFn, dimsString, sliceDebugString } from "../support/array_infer.js";
import { fillBuffer } from "../support/array_kernels.js";


/** `Subshape(s, start, end)` on known dims with negative indexing. */
function sub(dims: readonly Dim[], start: number, end?: number): Dim[] {
  const r = dims.length;
  const s = start < 0 ? r + start : start;
  const e = end === undefined ? r : end < 0 ? r + end : end;
  return dims.slice(s, e);
}

export const GatherV2 = defineOp<{ Tparams: DType; Tindices: DType; Taxis: DType; batch_dims: number }>({
  type: "GatherV2",
  doc: "Gathers slices of `params` along `axis` at the positions in `indices`.",
  inputs: [
    { name: "params", typeAttr: "Tparams" },
    { name: "indices", typeAttr: "Tindices" },
    { name: "axis", typeAttr: "Taxis" },
  ],
  typeAttrs: { Tparams: TYPES.any, Tindices: TYPES.intIndex, Taxis: TYPES.intIndex },
  effects: [],
  inferDtype: (c) => [c.dtypes[0]],
  inferShape: (c) => {
    const f = new ShapeFn(c);
    const params = f.withRankAtLeast(c.shapes[0], 1);
    const indices = c.shapes[1];
    f.withRank(c.shapes[2], 0);
    const axisT = f.tensor(2);
    if (axisT === null) {
      if (params.dims !== null && indices.dims !== null) return [new TensorShape(new Array<Dim>(params.dims.length + indices.dims.length - 1).fill(null))];
      return [TensorShape.unknown()];
    }
    const axis = Number(axisT.data[0]);
    f.withRankAtLeast(params, axis < 0 ? -axis : axis + 1);
    const bd = c.attrs.batch_dims ?? 0;
    f.withRankAtLeast(params, bd < 0 ? -bd : bd + 1);
    if (params.dims === null || indices.dims === null) return [TensorShape.unknown()];
    const out = [...sub(params.dims, 0, axis), ...sub(indices.dims, bd)];
    if (axis !== -1) out.push(...sub(params.dims, axis + 1));
    return [new TensorShape(out)];
  },
  kernel: ([params, indices, axisT], k) => {
    if (axisT.shape.length !== 0) throw new InvalidArgumentError("axis must be scalar", k.op.name);
    const rank = params.shape.length;
    let axis = Number(axisT.data[0]);
    if (!(axis >= -rank && axis < rank)) {
      throw new InvalidArgumentError(`Expected axis in the range [${-rank}, ${rank}), but got ${axis}`, k.op.name);
    }
    if (axis < 0) axis += rank;
    if ((k.attrs.batch_dims ?? 0) !== 0) throw new InvalidArgumentError("batch_dims other than 0 are not supported in the playground", k.op.name);
    const gatherDim = params.shape[axis];
    const outer = params.shape.slice(0, axis).reduce((a, b) => a * b, 1);
    const inner = params.shape.slice(axis + 1).reduce((a, b) => a * b, 1);
    const ids = indices.data as Int32Array;
    const n = ids.length;
    for (let i = 0; i < n; i++) {
      if (!(ids[i] >= 0 && ids[i] < gatherDim)) {
        throw new InvalidArgumentError(`indices${sliceDebugString(indices.shape, i)} = ${ids[i]} is not in [0, ${gatherDim})`, k.op.name);
      }
    }
    const outShape = [...params.shape.slice(0, axis), ...indices.shape, ...params.shape.slice(axis + 1)];
    const out = k.alloc(params.dtype, outShape);
    const src = params.data as Float32Array;
    const dst = out.data as Float32Array;
    let o = 0;
    for (let a = 0; a < outer; a++) {
      const base = a * gatherDim * inner;
      for (let i = 0; i < n; i++) {
        const from = base + ids[i] * inner;
        for (let j = 0; j < inner; j++) dst[o++] = src[from + j];
      }
    }
    return out;
  },
  // TF's _GatherV2Grad. For axis 0 TF returns IndexedSlices(values, indices, params_shape);
  // the playground has no IndexedSlices, so it builds the dense tensor TF converts them to
  // (`unsorted_segment_sum(values, indices, dense_shape[0])`).
  gradient: (op, [g], b) => {
    const tf = b.tf;
    const py = b.py;
    const [params, indices, axis] = op.inputs;
    const paramsShape = tf.shape(params);
    const indicesSize = tf.expand_dims(tf.size(indices), 0);
    const axisValue = axis.op.type === "Const" ? Number((axis.op.attrs.value as { data: ArrayLike<number> }).data[0]) : null;
    if (axisValue === 0) {
      const valuesShape = tf.concat([indicesSize, b.slice(paramsShape, { start: 1 })], 0);
      const values = tf.reshape(g!, valuesShape);
      const flatIndices = tf.reshape(indices, indicesSize);
      return [tf.unsorted_segment_sum(values, flatIndices, b.slice(paramsShape, 0)), null, null];
    }
    const outerShape = b.slice(paramsShape, { stop: axis });
    const outerDims = tf.size(outerShape);
    const innerShape = b.slice(b.slice(paramsShape, { start: axis }), { start: 1 });
    const innerDims = tf.size(innerShape);
    const outerAxes = tf.range(outerDims);
    const innerAxes = tf.range(py.add(outerDims, 1), py.add(py.add(outerDims, 1), innerDims));
    const valuesShape = tf.concat([outerShape, indicesSize, innerShape], 0);
    const values = tf.reshape(g!, valuesShape);
    const flatIndices = tf.reshape(indices, indicesSize);
    // Move the gather axis to the front, sum per index, and move it back.
    const valuesT = tf.transpose(values, tf.concat([[outerDims], outerAxes, innerAxes], 0));
    const paramsGrad = tf.unsorted_segment_sum(valuesT, flatIndices, b.slice(paramsShape, axis));
    const invert = tf.concat([py.add(outerAxes, 1), [0], innerAxes], 0);
    return [tf.transpose(paramsGrad, invert), null, null];
  },
});

/** OneHot's index types: TF admits uint8, int32 and int64 (the playground has no uint8). */
const ONE_HOT_INDICES: TypeAttrSpec = { allowed: [int32, int64], tfList: "uint8, int32, int64" };

export const OneHot = defineOp<{ T: DType; TI: DType; axis: number }>({
  type: "OneHot",
  doc: "A one-hot tensor: `on_value` where the new axis equals `indices`, `off_value` elsewhere.",
  inputs: [
    { name: "indices", typeAttr: "TI" },
    { name: "depth", dtype: int32 },
    { name: "on_value", typeAttr: "T" },
    { name: "off_value", typeAttr: "T" },
  ],
  typeAttrs: { T: TYPES.any, TI: ONE_HOT_INDICES },
  effects: [],
  inferDtype: (c) => [c.dtypes[2]],
  inferShape: (c) => {
    const f = new ShapeFn(c);
    const axis = c.attrs.axis;
    if (axis < -1) f.fail("axis must be >= -1");
    const depthT = f.tensor(1);
    let depth: Dim = null;
    if (depthT !== null) {
      if (depthT.shape.length !== 0) f.fail(`Input must be scalar but has rank ${depthT.shape.length}`);
      depth = Number(depthT.data[0]);
      if (depth < 0) f.fail(`Dimension size, given by scalar input 1, must be non-negative but is ${depth}`);
    }
    const indices = c.shapes[0];
    if (indices.dims === null) return [TensorShape.unknown()];
    const newRank = indices.dims.length + 1;
    const at = (axis + newRank) % newRank;
    return [new TensorShape([...indices.dims.slice(0, at), depth, ...indices.dims.slice(at)])];
  },
  kernel: ([indices, depthT, on, off], k) => {
    if (depthT.shape.length !== 0) throw new InvalidArgumentError(`depth must be a scalar, but got: ${dimsString(depthT.shape)}`, k.op.name);
    if (on.shape.length !== 0) throw new InvalidArgumentError(`on_value must be a scalar, but got: ${dimsString(on.shape)}`, k.op.name);
    if (off.shape.length !== 0) throw new InvalidArgumentError(`off_value must be a scalar, but got: ${dimsString(off.shape)}`, k.op.name);
    const depth = Number(depthT.data[0]);
    if (depth < 0) throw new InvalidArgumentError(`depth must be non-negative, got: ${depth}`, k.op.name);
    const r = indices.shape.length;
    const axis = k.attrs.axis === -1 ? r : k.attrs.axis;
    const outShape = [...indices.shape.slice(0, axis), depth, ...indices.shape.slice(axis)];
    const out = k.alloc(on.dtype, outShape);
    fillBuffer(out.data, off.data[0] as number | string);
    // indices = [prefix, suffix] around the new axis; out[p, d, s] = on where indices[p, s] == d.
    const suffix = indices.shape.slice(axis).reduce((a, b) => a * b, 1);
    const ids = indices.data as Int32Array;
    const dst = out.data as unknown as unknown[];
    const onValue = on.data[0];
    for (let i = 0; i < ids.length; i++) {
      const d = ids[i];
      if (d < 0 || d >= depth) continue;
      const p = Math.floor(i / suffix);
      const s = i % suffix;
      dst[(p * depth + d) * suffix + s] = onValue;
    }
    return out;
  },
  gradient: null,
});

