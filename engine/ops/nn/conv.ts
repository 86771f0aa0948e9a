/**
 * Conv2D and the two ops its gradient builds, Conv2DBackpropInput and Conv2DBackpropFilter.
 * Shape functions: TF 1.15's Conv2DShapeWithExplicitPadding and the backprops' shape-tensor
 * functions; kernel errors: conv_ops.cc, conv_grad_ops.cc and the CPU "custom" backprop
 * kernels (which, in TF 1.15, refuse dilation rates above 1: a dilated Conv2D runs forward
 * but cannot be trained on a CPU); gradients: TF 1.15's nn_grad.py. NHWC only, as TF's CPU
 * kernels.
 */
import { DType, float32, float64, int32 } from "../../dtypes.js";
import { InvalidArgumentError, UnimplementedError } from "../../errors.js";
import { defineOp, type InferContext, type KernelContext, type TypeAttrSpec } from "../../op.js";
import type { NDArray } from "../../ndarray.js";
import { TensorShape } from "../../shape.js";
import { ShapeFn, dimsString } from "../support/array_infer.js";
import { intsOf } from "../support/array_kernels.js";
import { checkConvAttrs, geometry, layout, windowStaticDim, type Padding } from "../support/window.js";
import { conv2dBackpropFilter, conv2dBackpropInput, conv2dForward } from "./conv_kernels.js";

type Num = Float32Array | Float64Array;

/** TF's `T: {half, bfloat16, float, double}`. */
const CONV_TYPES: TypeAttrSpec = { allowed: [float32, float64], tfList: "float16, bfloat16, float32, float64" };

export type ConvAttrs = {
  T: DType;
  strides: number[];
  use_cudnn_on_gpu: boolean;
  padding: Padding;
  explicit_paddings: number[];
  data_format: string;
  dilations: number[];
};

/** TF's `CheckValidPadding` for 4-D NHWC data; `fail` raises the caller's error kind. */
function checkPadding(padding: Padding, explicit: readonly number[], fail: (msg: string) => never): void {
  if (padding === "EXPLICIT") {
    if (explicit.length !== 8) fail(`explicit_paddings attribute must contain 8 values, but got: ${explicit.length}`);
    if (explicit.some((p) => p < 0)) fail("All elements of explicit_paddings must be nonnegative");
    if (explicit[0] !== 0 || explicit[1] !== 0 || explicit[6] !== 0 || explicit[7] !== 0) {
      fail("Nonzero explicit padding in the batch or depth dimensions is not supported");
    }
  } else if (explicit.length !== 0) {
    fail("explicit_paddings attribute must be empty if the padding attribute is not EXPLICIT");
  }
}

/** Conv2DShapeImpl (HWIO filter; NHWC or NCHW data, which the CPU kernel then refuses). */
function conv2dShape(c: InferContext<ConvAttrs>): TensorShape[] {
  const f = new ShapeFn(c);
  const input = f.withRank(c.shapes[0], 4).dims!;
  const filter = f.withRank(c.shapes[1], 4).dims!;
  const { dilations, strides, padding, explicit_paddings: explicit } = c.attrs;
  if (dilations.length !== 4) f.fail(`Conv2D requires the dilation attribute to contain 4 values, but got: ${dilations.length}`);
  if (strides.length !== 4) f.fail(`Conv2D on data format ${c.attrs.data_format} requires the stride attribute to contain 4 values, but got: ${strides.length}`);
  const [H, W, C] = layout(c.attrs.data_format);
  const [, , inDepthF, outDepth] = filter;
  const inDepth = input[C];
  if (inDepth !== null && inDepthF !== null) {
    if (inDepthF === 0) f.fail("Depth of filter must not be 0");
    if (inDepth % inDepthF !== 0) f.fail(`Depth of input (${inDepth}) is not a multiple of input depth of filter (${inDepthF})`);
    const groups = inDepth / inDepthF;
    if (groups !== 1 && outDepth !== null && outDepth % groups !== 0) {
      f.fail(`Depth of output (${outDepth}) is not a multiple of the number of groups (${groups})`);
    }
  }
  checkPadding(padding, explicit, (m) => f.fail(m));
  const rows = windowStaticDim(f, input[H], filter[0], dilations[H], strides[H], padding, explicit.slice(2 * H, 2 * H + 2));
  const cols = windowStaticDim(f, input[W], filter[1], dilations[W], strides[W], padding, explicit.slice(2 * W, 2 * W + 2));
  const out = [input[0], rows, cols, outDepth];
  return [new TensorShape(C === 1 ? [out[0], out[3], out[1], out[2]] : out)];
}

/** The attrs a gradient passes on to the ops it builds. */
function convAttrsOf(a: ConvAttrs): Omit<ConvAttrs, "T"> {
  return {
    strides: a.strides,
    use_cudnn_on_gpu: a.use_cudnn_on_gpu,
    padding: a.padding,
    explicit_paddings: a.explicit_paddings,
    data_format: a.data_format,
    dilations: a.dilations,
  };
}

/** The construction-time checks of the CPU backprop kernels ("custom" kernels, TF 1.15). */
function checkBackpropAttrs(a: ConvAttrs, k: KernelContext<ConvAttrs>, kernel: string): void {
  if (a.data_format !== "NHWC") throw new InvalidArgumentError(`${kernel}Op only supports NHWC.`, k.op.name);
  checkConvAttrs(a, k.op.name, k.op.type);
  // TF 1.15's CPU backprop kernels are not written for dilated windows.
  if (a.dilations[1] !== 1 || a.dilations[2] !== 1) {
    throw new InvalidArgumentError("Current libxsmm and customized CPU implementations do not yet support dilation rates larger than 1.", k.op.name);
  }
  checkPadding(a.padding, a.explicit_paddings, (m) => {
    throw new InvalidArgumentError(m, k.op.name);
  });
}

/** A shape given as a 1-D int32 tensor (`input_sizes`, `filter_sizes`). */
function sizesArg(t: NDArray, label: string, what: string, k: KernelContext<ConvAttrs>): number[] {
  if (t.shape.length !== 1) throw new InvalidArgumentError(`${label}: ${what} input must be 1-dim, not ${t.shape.length}`, k.op.name);
  return intsOf(t);
}

/** ConvBackpropComputeDimensionsV2: the three shapes agree, and out_backprop is the forward output. */
function backpropGeometry(label: string, input: number[], filter: readonly number[], dy: readonly number[], k: KernelContext<ConvAttrs>) {
  const op = k.op.name;
  if (input.length !== 4) throw new InvalidArgumentError(`${label}: input must be 4-dimensional`, op);
  if (filter.length !== 4) throw new InvalidArgumentError(`${label}: filter must be 4-dimensional`, op);
  if (dy.length !== 4) throw new InvalidArgumentError(`${label}: out_backprop must be 4-dimensional`, op);
  if (input[0] !== dy[0]) {
    throw new InvalidArgumentError(`${label}: input and out_backprop must have the same batch sizeinput batch: ${input[0]}outbackprop batch: ${dy[0]} batch_dim: 0`, op);
  }
  if (input[3] % filter[2] !== 0) throw new InvalidArgumentError(`${label}: input depth must be evenly divisible by filter depth`, op);
  if (filter[3] !== dy[3]) throw new InvalidArgumentError(`${label}: filter and out_backprop must have the same out_depth`, op);
  if (input[3] !== filter[2]) {
    throw new UnimplementedError(`${label}: the playground's CPU kernels do not run grouped convolutions (input depth ${input[3]}, filter input depth ${filter[2]})`, op);
  }
  const a = k.attrs;
  const g = geometry(input, filter[0], filter[1], a.strides, [1, 1, 1, 1], a.padding, a.explicit_paddings, op);
  const outs = [g.outRows, g.outCols];
  for (let i = 0; i < 2; i++) {
    if (dy[i + 1] !== outs[i]) {
      throw new InvalidArgumentError(
        `${label}: Size of out_backprop doesn't match computed: actual = ${dy[i + 1]}, computed = ${outs[i]} spatial_dim: ${i + 1} input: ${input[i + 1]} filter: ${filter[i]} output: ${dy[i + 1]} stride: ${a.strides[i + 1]} dilation: 1`,
        op,
      );
    }
  }
  return g;
}

export const Conv2D = defineOp<ConvAttrs>({
  type: "Conv2D",
  doc: "2-D convolution (cross-correlation) of an NHWC `input` with an HWIO `filter`.",
  inputs: [
    { name: "input", typeAttr: "T" },
    { name: "filter", typeAttr: "T" },
  ],
  typeAttrs: { T: CONV_TYPES },
  effects: [],
  inferDtype: (c) => [c.dtypes[0]],
  inferShape: conv2dShape,
  kernel: ([x, w], k) => {
    const op = k.op.name;
    const a = k.attrs;
    checkConvAttrs(a, op, "Conv2D");
    checkPadding(a.padding, a.explicit_paddings, (m) => {
      throw new InvalidArgumentError(m, op);
    });
    if (x.shape.length !== 4) throw new InvalidArgumentError(`input must be 4-dimensional${dimsString(x.shape)}`, op);
    if (w.shape.length !== 4) throw new InvalidArgumentError(`filter must be 4-dimensional: ${dimsString(w.shape)}`, op);
    const inDepth = x.shape[3];
    const patchDepth = w.shape[2];
    if (patchDepth === 0 || inDepth % patchDepth !== 0) {
      throw new InvalidArgumentError(`input depth must be evenly divisible by filter depth: ${inDepth} vs ${patchDepth}`, op);
    }
    const g = geometry(x.shape, w.shape[0], w.shape[1], a.strides, a.dilations, a.padding, a.explicit_paddings, op);
    if (inDepth !== patchDepth) {
      throw new UnimplementedError(
        `The Conv2D op currently does not support grouped convolutions on the CPU. A grouped convolution was attempted to be run because the input depth of ${inDepth} does not match the filter input depth of ${patchDepth}`,
        op,
      );
    }
    const outDepth = w.shape[3];
    const out = k.alloc(x.dtype, [g.batch, g.outRows, g.outCols, outDepth]);
    conv2dForward(x.data as Num, w.data as Num, out.data as Num, g, outDepth);
    return out;
  },
  // TF 1.15's _Conv2DGrad: the input's and the filter's backprops from ShapeN of both.
  gradient: (op, [g], b) => {
    const attrs = convAttrsOf(op.attrs);
    const [shape0, shape1] = b.genOutputs("ShapeN", [[op.inputs[0], op.inputs[1]]], { out_type: int32 });
    return [
      b.gen("Conv2DBackpropInput", [shape0, op.inputs[1], g!], attrs),
      b.gen("Conv2DBackpropFilter", [op.inputs[0], shape1, g!], attrs),
    ];
  },
});

/** The backprops' shape function: the shape its int32 sizes input describes, of rank 4. */
function sizesShape(i: number) {
  return (c: InferContext<ConvAttrs>): TensorShape[] => {
    const f = new ShapeFn(c);
    return [f.withRank(f.shapeFromTensor(i), 4)];
  };
}

export const Conv2DBackpropInput = defineOp<ConvAttrs>({
  type: "Conv2DBackpropInput",
  doc: "The gradient of Conv2D with respect to its input, of shape `input_sizes`.",
  inputs: [
    { name: "input_sizes", dtype: int32 },
    { name: "filter", typeAttr: "T" },
    { name: "out_backprop", typeAttr: "T" },
  ],
  typeAttrs: { T: CONV_TYPES },
  effects: [],
  inferDtype: (c) => [c.dtypes[1]],
  inferShape: sizesShape(0),
  kernel: ([sizes, w, dy], k) => {
    checkBackpropAttrs(k.attrs, k, "Conv2DCustomBackpropInput");
    const input = sizesArg(sizes, "Conv2DBackpropInput", "input_sizes", k);
    const g = backpropGeometry("Conv2DCustomBackpropInput", input, w.shape, dy.shape, k);
    const out = k.alloc(w.dtype, input);
    conv2dBackpropInput(dy.data as Num, w.data as Num, out.data as Num, g, w.shape[3]);
    return out;
  },
  // TF 1.15's _Conv2DBackpropInputGrad: none for the sizes; the filter's backprop; a Conv2D.
  gradient: (op, [g], b) => {
    const attrs = convAttrsOf(op.attrs);
    const tf = b.tf;
    return [
      null,
      b.gen("Conv2DBackpropFilter", [g!, tf.shape(op.inputs[1]), op.inputs[2]], attrs),
      b.gen("Conv2D", [g!, op.inputs[1]], attrs),
    ];
  },
});

export const Conv2DBackpropFilter = defineOp<ConvAttrs>({
  type: "Conv2DBackpropFilter",
  doc: "The gradient of Conv2D with respect to its filter, of shape `filter_sizes`.",
  inputs: [
    { name: "input", typeAttr: "T" },
    { name: "filter_sizes", dtype: int32 },
    { name: "out_backprop", typeAttr: "T" },
  ],
  typeAttrs: { T: CONV_TYPES },
  effects: [],
  inferDtype: (c) => [c.dtypes[0]],
  inferShape: sizesShape(1),
  kernel: ([x, sizes, dy], k) => {
    checkBackpropAttrs(k.attrs, k, "Conv2DCustomBackpropFilter");
    const filter = sizesArg(sizes, "Conv2DCustomBackpropFilter", "filter_sizes", k);
    const g = backpropGeometry("Conv2DCustomBackpropFilter", x.shape.slice(), filter, dy.shape, k);
    const out = k.alloc(x.dtype, filter);
    conv2dBackpropFilter(x.data as Num, dy.data as Num, out.data as Num, g, filter[3]);
    return out;
  },
  // TF 1.15's _Conv2DBackpropFilterGrad: the input's backprop; none for the sizes; a Conv2D.
  gradient: (op, [g], b) => {
    const attrs = convAttrsOf(op.attrs);
    return [b.gen("Conv2DBackpropInput", [b.tf.shape(op.inputs[0]), g!, op.inputs[2]], attrs), null, b.gen("Conv2D", [op.inputs[0], g!], attrs)];
  },
});
