/**
 * MaxPool and AvgPool over height and width, and the gradient ops TF 1.15's nn_grad.py builds
 * for them: MaxPoolGrad, MaxPoolGradGrad, AvgPoolGrad. Shape functions: TF's MaxPoolShape and
 * AvgPoolShape (common_shape_fns.cc) and the gradients' own; kernel errors: the CPU pooling
 * kernels (maxpooling_op.cc, avgpooling_op.cc, pooling_ops_common.cc). NHWC only, as TF's CPU
 * kernels.
 */
import { DType, float32, float64, int32 } from "../../dtypes.js";
import { InvalidArgumentError } from "../../errors.js";
import { defineOp, type InferContext, type KernelContext, type OpDef, type TypeAttrSpec } from "../../op.js";
import type { NDArray } from "../../ndarray.js";
import { TensorShape } from "../../shape.js";
import { ShapeFn, dimsString } from "../support/array_infer.js";
import { intsOf } from "../support/array_kernels.js";
import { checkPoolAttrs, geometry, layout, windowStaticDim, type Geometry, type Padding } from "../support/window.js";
import { avgPool, avgPoolGrad, maxPool, maxPoolGrad, maxPoolGradGrad } from "./pool_kernels.js";

type Num = Float32Array | Float64Array | Int32Array;

export type PoolAttrs = { T: DType; ksize: number[]; strides: number[]; padding: Padding; data_format: string };

/** MaxPool's `T` list (TF 1.15), default float32. */
const MAXPOOL_TYPES: TypeAttrSpec = {
  allowed: [float32, float64, int32],
  tfList: "float16, bfloat16, float32, float64, int32, int64, uint8, int16, int8, uint16, qint8",
  default: float32,
};
/** TF's `realnumbertype`, in its own order. */
const REAL_TYPES: TypeAttrSpec = {
  allowed: [float32, float64, int32],
  tfList: "float32, float64, int32, uint8, int16, int8, int64, bfloat16, uint16, float16, uint32, uint64",
  default: float32,
};
/** AvgPool's `{half, bfloat16, float, double}`. */
const AVG_TYPES: TypeAttrSpec = { allowed: [float32, float64], tfList: "float16, bfloat16, float32, float64" };

/** MaxPoolShape / AvgPoolShape: pools height and width (and, for max, depth) of an NHWC input. */
function poolShape(type: "MaxPool" | "AvgPool", input: 0) {
  return (c: InferContext<PoolAttrs>): TensorShape[] => {
    const f = new ShapeFn(c);
    const dims = f.withRank(c.shapes[input], 4).dims!;
    const { strides, ksize, padding } = c.attrs;
    if (strides.length !== 4) f.fail(`${type} requires the stride attribute to contain 4 values, but got: ${strides.length}`);
    if (ksize.length !== 4) f.fail(`${type} requires the ksize attribute to contain 4 values, but got: ${ksize.length}`);
    const [H, W, C] = layout(c.attrs.data_format);
    const rows = windowStaticDim(f, dims[H], ksize[H], 1, strides[H], padding, []);
    const cols = windowStaticDim(f, dims[W], ksize[W], 1, strides[W], padding, []);
    const depth = type === "MaxPool" ? windowStaticDim(f, dims[C], ksize[C], 1, strides[C], padding, []) : dims[C];
    return [new TensorShape(C === 1 ? [dims[0], depth, rows, cols] : [dims[0], rows, cols, depth])];
  };
}

/** The kernel's geometry for an NHWC input shape, after the kernel's construction checks. */
function poolGeometry(input: readonly number[], k: KernelContext<PoolAttrs>, what: string): Geometry {
  const a = k.attrs;
  checkPoolAttrs(a, k.op.name, what);
  if (input.length !== 4) throw new InvalidArgumentError("tensor_in must be 4-dimensional", k.op.name);
  return geometry(input, a.ksize[1], a.ksize[2], a.strides, [1, 1, 1, 1], a.padding, [], k.op.name);
}

/** The attrs a gradient passes on. */
function poolAttrsOf(a: PoolAttrs): Omit<PoolAttrs, "T"> {
  return { ksize: a.ksize, strides: a.strides, padding: a.padding, data_format: a.data_format };
}

/** `Expected grad shape to be [...], but got [...]` (pooling_ops_common.cc). */
function expectShape(what: string, want: readonly number[], got: readonly number[], op: string): void {
  if (want.length !== got.length || want.some((d, i) => d !== got[i])) {
    throw new InvalidArgumentError(`Expected ${what} shape to be ${dimsString(want)}, but got ${dimsString(got)}`, op);
  }
}

function outShape(g: Geometry): number[] {
  return [g.batch, g.outRows, g.outCols, g.depth];
}

export const MaxPool = defineOp<PoolAttrs>({
  type: "MaxPool",
  doc: "The maximum of each `ksize` window of an NHWC `input`, moved by `strides`.",
  inputs: [{ name: "input", typeAttr: "T" }],
  typeAttrs: { T: MAXPOOL_TYPES },
  effects: [],
  inferDtype: (c) => [c.dtypes[0]],
  inferShape: poolShape("MaxPool", 0),
  kernel: ([x], k) => {
    const g = poolGeometry(x.shape, k, "MaxPoolingOp");
    const out = k.alloc(x.dtype, outShape(g));
    maxPool(x.data as Num, g, out.data as Num);
    return out;
  },
  // TF's _MaxPoolGrad.
  gradient: (op, [g], b) => [b.gen("MaxPoolGrad", [op.inputs[0], op.outputs[0], g!], poolAttrsOf(op.attrs))],
});

/** Declares MaxPoolGrad or MaxPoolGradGrad: (orig_input, orig_output, grad) → a gradient. */
function maxPoolGradOp(
  type: "MaxPoolGrad" | "MaxPoolGradGrad",
  doc: string,
  run: (x: NDArray, y: NDArray, grad: NDArray, g: Geometry, k: KernelContext<PoolAttrs>) => NDArray,
  again: "MaxPoolGrad" | "MaxPoolGradGrad",
): OpDef<PoolAttrs> {
  return defineOp<PoolAttrs>({
    type,
    doc,
    inputs: [
      { name: "orig_input", typeAttr: "T" },
      { name: "orig_output", typeAttr: "T" },
      { name: "grad", typeAttr: "T" },
    ],
    typeAttrs: { T: REAL_TYPES },
    effects: [],
    inferDtype: (c) => [c.dtypes[0]],
    inferShape: (c) => {
      const f = new ShapeFn(c);
      if (type === "MaxPoolGrad") return [f.withRank(c.shapes[0], 4)];
      // MaxPoolGradGrad: the forward pool's shape; grad is shaped as orig_input, orig_output as the result.
      const [out] = poolShape("MaxPool", 0)(c);
      f.merge(c.shapes[0], c.shapes[2]);
      return [f.merge(c.shapes[1], out)];
    },
    kernel: ([x, y, grad], k) => {
      const op = k.op.name;
      const g = poolGeometry(x.shape, k, type === "MaxPoolGrad" ? "MaxPoolingGradOp" : "MaxPoolingGradGradOp");
      if (y.shape.length !== 4) throw new InvalidArgumentError("tensor_out must be 4-dimensional", op);
      if (grad.shape.length !== 4) throw new InvalidArgumentError(`${type === "MaxPoolGrad" ? "out_backprop" : "out_grad_backprop"} must be 4-dimensional`, op);
      expectShape("orig_output", outShape(g), y.shape, op);
      expectShape("grad", type === "MaxPoolGrad" ? outShape(g) : x.shape, grad.shape, op);
      return run(x, y, grad, g, k);
    },
    // TF's _MaxPoolGradGrad / _MaxPoolGradGradGrad: zeros for the two originals.
    gradient: (op, [g], b) => {
      const tf = b.tf;
      const [x, y] = op.inputs;
      return [
        tf.zeros(tf.shape(x), x.dtype.base_dtype),
        tf.zeros(tf.shape(y), y.dtype.base_dtype),
        b.gen(again, [x, y, g!], poolAttrsOf(op.attrs)),
      ];
    },
  });
}

export const MaxPoolGrad = maxPoolGradOp(
  "MaxPoolGrad",
  "The gradient of MaxPool: each output's gradient goes to the input element that was its window's maximum.",
  (x, _y, grad, g, k) => {
    const out = k.alloc(x.dtype, x.shape);
    maxPoolGrad(x.data as Num, grad.data as Num, g, out.data as Num);
    return out;
  },
  "MaxPoolGradGrad",
);

export const MaxPoolGradGrad = maxPoolGradOp(
  "MaxPoolGradGrad",
  "The gradient of MaxPoolGrad: each pooled output takes `grad` at its window's maximum.",
  (x, y, grad, g, k) => {
    const out = k.alloc(x.dtype, y.shape);
    maxPoolGradGrad(x.data as Num, grad.data as Num, g, out.data as Num);
    return out;
  },
  "MaxPoolGrad",
);

export const AvgPool = defineOp<PoolAttrs>({
  type: "AvgPool",
  doc: "The mean of each `ksize` window of an NHWC `value` (padding not counted), moved by `strides`.",
  inputs: [{ name: "value", typeAttr: "T" }],
  typeAttrs: { T: AVG_TYPES },
  effects: [],
  inferDtype: (c) => [c.dtypes[0]],
  inferShape: poolShape("AvgPool", 0),
  kernel: ([x], k) => {
    const g = poolGeometry(x.shape, k, "AvgPoolingOp");
    const out = k.alloc(x.dtype, outShape(g));
    avgPool(x.data as Num, g, out.data as Num);
    return out;
  },
  // TF's _AvgPoolGrad.
  gradient: (op, [g], b) => [b.gen("AvgPoolGrad", [b.tf.shape(op.inputs[0]), g!], poolAttrsOf(op.attrs))],
});

export const AvgPoolGrad = defineOp<PoolAttrs>({
  type: "AvgPoolGrad",
  doc: "The gradient of AvgPool: each output's gradient shared equally by the input elements of its window.",
  inputs: [
    { name: "orig_input_shape", dtype: int32 },
    { name: "grad", typeAttr: "T" },
  ],
  typeAttrs: { T: AVG_TYPES },
  effects: [],
  inferDtype: (c) => [c.dtypes[1]],
  inferShape: (c) => {
    const f = new ShapeFn(c);
    return [f.withRank(f.shapeFromTensor(0), 4)];
  },
  kernel: ([shape, grad], k) => {
    const op = k.op.name;
    if (shape.shape.length !== 1 || shape.shape[0] !== 4) throw new InvalidArgumentError("orig_input_shape must be 1-dimensional and 4 elements", op);
    if (grad.shape.length !== 4) throw new InvalidArgumentError("out_backprop must be 4-dimensional", op);
    const input = intsOf(shape);
    const g = poolGeometry(input, k, "AvgPoolingGradOp");
    expectShape("grad", outShape(g), grad.shape, op);
    const out = k.alloc(grad.dtype, input);
    avgPoolGrad(grad.data as Num, g, out.data as Num);
    return out;
  },
  // TF's _AvgPoolGradGrad: the shape's "gradient" is the shape itself behind a StopGradient.
  gradient: (op, [g], b) => [b.tf.stop_gradient(op.inputs[0]), b.gen("AvgPool", [g!], poolAttrsOf(op.attrs))],
});
