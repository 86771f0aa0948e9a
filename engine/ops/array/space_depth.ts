/**
 * SpaceToDepth and DepthToSpace (`tf.space_to_depth`, `tf.depth_to_space`): each
 * block_size × block_size block of an NHWC image moved into the depth, and back. Shape
 * functions: array_ops.cc; kernel errors: spacetodepth_op.cc, depthtospace_op.cc (the CPU
 * kernels take NHWC only; an NCHW graph builds and fails when run); gradients: array_grad.py
 * (each is the other's gradient).
 */
import { DType } from "../../dtypes.js";
import { InvalidArgumentError } from "../../errors.js";
import { defineOp, type InferContext, type KernelContext } from "../../op.js";
import type { NDArray } from "../../ndarray.js";
import { Dim, TensorShape } from "../../shape.js";
import { TYPES } from "../support/common.js";
import { ShapeFn } from "../support/array_infer.js";

type Attrs = { T: DType; block_size: number; data_format: string };
type Buf = { [i: number]: unknown };

/** The shape functions: height and width divided (multiplied) by the block, depth the other way. */
function spaceDepthShape(toDepth: boolean) {
  return (c: InferContext<Attrs>): TensorShape[] => {
    const f = new ShapeFn(c);
    const input = f.withRank(c.shapes[0], 4).dims!;
    const b = c.attrs.block_size;
    const [H, W, C] = c.attrs.data_format === "NHWC" ? [1, 2, 3] : [2, 3, 1];
    const divide = (d: Dim, by: number): Dim => {
      if (d === null) return null;
      if (d % by !== 0) f.fail(`Dimension size must be evenly divisible by ${by} but is ${d}`);
      return d / by;
    };
    const times = (d: Dim, by: number): Dim => (d === null ? null : d * by);
    const out = [...input];
    out[H] = toDepth ? divide(input[H], b) : times(input[H], b);
    out[W] = toDepth ? divide(input[W], b) : times(input[W], b);
    out[C] = toDepth ? times(input[C], b * b) : divide(input[C], b * b);
    return [new TensorShape(out)];
  };
}

/** The kernels' construction checks: the block size, and NHWC on the CPU. */
function checkAttrs(k: KernelContext<Attrs>): void {
  const a = k.attrs;
  if (a.block_size <= 1) throw new InvalidArgumentError(`Block size should be > 1, but was: ${a.block_size}`, k.op.name);
  if (a.data_format !== "NHWC") throw new InvalidArgumentError(`Only NHWC data_format supported on CPU. Got ${a.data_format}`, k.op.name);
}

/**
 * The CPU functor's map: pixel (b, h, w, d) of the image is (b, h / s, w / s,
 * ((h % s) * s + w % s) * depth + d) of the deep tensor.
 */
function moveBlocks(image: NDArray, deep: NDArray, s: number, toDepth: boolean): void {
  const [n, height, width, depth] = image.shape;
  const outW = width / s;
  const outD = depth * s * s;
  const src = (toDepth ? image.data : deep.data) as unknown as Buf;
  const dst = (toDepth ? deep.data : image.data) as unknown as Buf;
  let i = 0;
  for (let b = 0; b < n; b++) {
    for (let h = 0; h < height; h++) {
      for (let w = 0; w < width; w++) {
        const base = ((b * (height / s) + Math.floor(h / s)) * outW + Math.floor(w / s)) * outD + ((h % s) * s + (w % s)) * depth;
        for (let d = 0; d < depth; d++, i++) {
          if (toDepth) dst[base + d] = src[i];
          else dst[i] = src[base + d];
        }
      }
    }
  }
}

export const SpaceToDepth = defineOp<Attrs>({
  type: "SpaceToDepth",
  doc: "Moves each `block_size` × `block_size` block of height and width into the depth: [b, h, w, d] → [b, h/s, w/s, d·s²].",
  inputs: [{ name: "input", typeAttr: "T" }],
  typeAttrs: { T: TYPES.any },
  effects: [],
  inferDtype: (c) => [c.dtypes[0]],
  inferShape: spaceDepthShape(true),
  kernel: ([x], k) => {
    checkAttrs(k);
    const op = k.op.name;
    if (x.shape.length !== 4) throw new InvalidArgumentError(`Input rank should be 4 instead of ${x.shape.length}`, op);
    const s = k.attrs.block_size;
    const [n, height, width, depth] = x.shape;
    if (width % s !== 0 || height % s !== 0) {
      throw new InvalidArgumentError(`Image width ${width} and height ${height} should be divisible by block_size: ${s}`, op);
    }
    const out = k.alloc(x.dtype, [n, height / s, width / s, depth * s * s]);
    moveBlocks(x, out, s, true);
    return out;
  },
  // array_grad.py's _SpaceToDepthGrad: DepthToSpace of the gradient.
  gradient: (op, [g], b) => [b.gen("DepthToSpace", [g!], { block_size: op.attrs.block_size, data_format: op.attrs.data_format })],
});

export const DepthToSpace = defineOp<Attrs>({
  type: "DepthToSpace",
  doc: "Moves depth into `block_size` × `block_size` blocks of height and width: [b, h, w, d] → [b, h·s, w·s, d/s²].",
  inputs: [{ name: "input", typeAttr: "T" }],
  typeAttrs: { T: TYPES.any },
  effects: [],
  inferDtype: (c) => [c.dtypes[0]],
  inferShape: spaceDepthShape(false),
  kernel: ([x], k) => {
    checkAttrs(k);
    const op = k.op.name;
    if (x.shape.length !== 4) throw new InvalidArgumentError(`Input rank should be: 4 instead of: ${x.shape.length}`, op);
    const s = k.attrs.block_size;
    const [n, height, width, depth] = x.shape;
    if (depth % (s * s) !== 0) throw new InvalidArgumentError(`Input depth dimension ${depth} should be divisible by: ${s * s}`, op);
    const out = k.alloc(x.dtype, [n, height * s, width * s, depth / (s * s)]);
    moveBlocks(out, x, s, false);
    return out;
  },
  // array_grad.py's _DepthToSpaceGrad: SpaceToDepth of the gradient.
  gradient: (op, [g], b) => [b.gen("SpaceToDepth", [g!], { block_size: op.attrs.block_size, data_format: op.attrs.data_format })],
});
