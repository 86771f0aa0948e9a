/**
 * BiasAdd (and BiasAddGrad, its gradient) and L2Loss. Shape functions: TF's BiasAddShape and
 * BiasAddGradShape (NHWC layout, the default); kernels and errors: bias_op.cc, l2loss_op.cc.
 */
import { DType, float32 } from "../../dtypes.js";
import { InvalidArgumentError } from "../../errors.js";
import { defineOp } from "../../op.js";
import { TensorShape } from "../../shape.js";
import { TYPES } from "../support/common.js";
import { ShapeFn, dimsString } from "../support/array_infer.js";


type Num = Float32Array | Float64Array | Int32Array;

type BiasAttrs = { T: DType; data_format: string };

export const BiasAdd = defineOp<BiasAttrs>({
  type: "BiasAdd",
  doc: "Adds the 1-D `bias` to the last dimension of `value` (a broadcasting add restricted to that dimension).",
  inputs: [
    { name: "value", typeAttr: "T" },
    { name: "bias", typeAttr: "T" },
  ],
  typeAttrs: { T: TYPES.number },
  effects: [],
  inferDtype: (c) => [c.dtypes[0]],
  inferShape: (c) => {
    const f = new ShapeFn(c);
    const input = f.withRankAtLeast(c.shapes[0], 2);
    const bias = f.withRank(c.shapes[1], 1);
    if (input.dims === null) return [TensorShape.unknown()];
    const merged = f.mergeDim(input.dims[input.dims.length - 1], bias.dims![0]);
    return [new TensorShape([...input.dims.slice(0, -1), merged])];
  },
  kernel: ([x, b], k) => {
    if (x.shape.length < 2) throw new InvalidArgumentError(`Input tensor must be at least 2D: ${dimsString(x.shape)}`, k.op.name);
    if (b.shape.length !== 1) throw new InvalidArgumentError(`Biases must be 1D: ${dimsString(b.shape)}`, k.op.name);
    const channels = x.shape[x.shape.length - 1];
    if (b.shape[0] !== channels) {
      throw new InvalidArgumentError(
        `Must provide as many biases as the last dimension of the input tensor: ${dimsString(b.shape)} vs. ${dimsString(x.shape)}`,
        k.op.name,
      );
    }
    const out = k.alloc(x.dtype, x.shape);
    const xd = x.data as Num;
    const bd = b.data as Num;
    const od = out.data as Num;
    const isInt = x.dtype.isInteger;
    for (let i = 0, n = od.length; i < n; i += channels) {
      if (isInt) for (let j = 0; j < channels; j++) od[i + j] = (xd[i + j] + bd[j]) | 0;
      else for (let j = 0; j < channels; j++) od[i + j] = xd[i + j] + bd[j];
    }
    return out;
  },
  // TF's _BiasAddGrad: the gradient itself for `value`, its sum over all but the last dim for `bias`.
  gradient: (op, [g], b) => [g!, b.gen("BiasAddGrad", [g!], { data_format: op.attrs.data_format })],
});

export const BiasAddGrad = defineOp<BiasAttrs>({
  type: "BiasAddGrad",
  doc: "The gradient of BiasAdd for the bias: `out_backprop` summed over all but its last dimension.",
  inputs: [{ name: "out_backprop", typeAttr: "T" }],
  typeAttrs: { T: TYPES.number },
  effects: [],
  inferDtype: (c) => [c.dtypes[0]],
  inferShape: (c) => {
    const input = new ShapeFn(c).withRankAtLeast(c.shapes[0], 2);
    return [new TensorShape([input.dims === null ? null : input.dims[input.dims.length - 1]])];
  },
  kernel: ([g], k) => {
    if (g.shape.length < 2) throw new InvalidArgumentError(`Input tensor must be at least 2D: ${dimsString(g.shape)}`, k.op.name);
    const channels = g.shape[g.shape.length - 1];
    const out = k.alloc(g.dtype, [channels]);
    const od = out.data as Num;
    const gd = g.data as Num;
    const r = g.dtype === float32 ? Math.fround : g.dtype.isInteger ? (v: number) => v | 0 : (v: number) => v;
    od.fill(0);
    for (let i = 0, n = gd.length; i < n; i += channels) {
      for (let j = 0; j < channels; j++) od[j] = r(od[j] + gd[i + j]);
    }
    return out;
  },
  // TF's _BiasAddGradGrad (NHWC): reshape to [1, ..., 1, C] and tile over the input's other dims.
  gradient: (op, [g], b) => {
    const tf = b.tf;
    const shape = tf.shape(op.inputs[0]);
    const biasShape = tf.shape(g!);
    const expandedShape = tf.concat([tf.ones_like(b.slice(shape, { stop: -1 })), biasShape], 0);
    const tileMults = tf.concat([b.slice(shape, { stop: -1 }), [1]], 0);
    const expandedGrad = tf.reshape(g!, expandedShape);
    return [tf.tile(expandedGrad, tileMults)];
  },
});

export const L2Loss = defineOp<{ T: DType }>({
  type: "L2Loss",
  doc: "sum(t ** 2) / 2, a scalar.",
  inputs: [{ name: "t", typeAttr: "T" }],
  typeAttrs: { T: TYPES.float },
  effects: [],
  inferDtype: (c) => [c.dtypes[0]],
  inferShape: () => [TensorShape.scalar()],
  kernel: ([t], k) => {
    const out = k.alloc(t.dtype, []);
    const d = t.data as Num;
    const r = t.dtype === float32 ? Math.fround : (v: number) => v;
    let sum = 0;
    for (let i = 0; i < d.length; i++) sum = r(sum + r(r(d[i] * d[i]) * 0.5));
    (out.data as Num)[0] = sum;
    return out;
  },
  // TF's _L2LossGrad: `t * grad` (operator mul).
  gradient: (op, [g], b) => [b.tf.multiply(op.inputs[0], g!)],
});
