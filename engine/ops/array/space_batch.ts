/**
 * SpaceToBatchND and BatchToSpaceND: blocks of the spatial dimensions moved into the batch
 * dimension and back — how TF 1.x runs a dilated (atrous) convolution as an ordinary one
 * (nn_ops.py's `_WithSpaceToBatch`). Shape functions: array_ops.cc's SpaceToBatchShapeHelper
 * and BatchToSpaceShapeHelper; kernel errors: spacetobatch_op.cc, batchtospace_op.cc;
 * gradients: array_grad.py (each is the other's gradient, with the same block_shape and
 * paddings/crops).
 */
import { DType } from "../../dtypes.js";
import { InvalidArgumentError } from "../../errors.js";
import { defineOp, type InferContext, type KernelContext } from "../../op.js";
import type { NDArray } from "../../ndarray.js";
import { Dim, TensorShape } from "../../shape.js";
import { TYPES } from "../support/common.js";
import { ShapeFn } from "../support/array_infer.js";
import { fillBuffer, intsOf } from "../support/array_kernels.js";

type Attrs = { T: DType; Tblock_shape: DType; Tpaddings?: DType; Tcrops?: DType };
type Buf = { [i: number]: unknown };

/** TF's kMaxSpaceToBatchBlockDims: the functor is instantiated for up to 4 block dims. */
const MAX_BLOCK_DIMS = 4;

/** The shape helpers' shared part: block_shape's size, the input's rank, the [M, 2] matrix. */
function blockDims(f: ShapeFn): { m: number; input: TensorShape } {
  const c = f.c;
  const blockShape = c.shapes[1];
  if (blockShape.dims === null || blockShape.dims.length !== 1) f.fail("block_shape must have rank 1.");
  const m = blockShape.dims[0];
  if (m === null) f.fail("block_shape must have known size.");
  const input = f.withRankAtLeast(c.shapes[0], m + 1);
  f.merge(c.shapes[2], new TensorShape([m, 2]));
  return { m, input };
}

/**
 * SpaceToBatchShapeHelper (`toBatch`) or BatchToSpaceShapeHelper: the batch multiplied
 * (divided) by each block size, each spatial dim padded and divided (multiplied and cropped)
 * when block_shape and paddings (crops) are constants.
 */
function spaceBatchShape(toBatch: boolean) {
  return (c: InferContext<Attrs>): TensorShape[] => {
    const f = new ShapeFn(c);
    // TF reads both constant inputs before any check (they are the helper's arguments), so
    // every error of the shape function lists them.
    const block = f.tensor(1) === null ? null : f.ints(1)!;
    const amounts = f.tensor(2) === null ? null : f.ints(2)!;
    const { m, input } = blockDims(f);
    const dimsIn = input.dims;
    const dimAt = (i: number): Dim => (dimsIn === null ? null : dimsIn[i]);
    let batch = dimAt(0);
    if (block !== null) {
      for (const b of block) {
        if (b < 1) f.fail("block_shape must be positive");
        if (batch === null) continue;
        if (toBatch) batch *= b;
        else if (batch % b !== 0) f.fail(`Dimension size must be evenly divisible by ${b} but is ${batch}`);
        else batch /= b;
      }
    } else if (m > 0) batch = null;
    const dims: Dim[] = [batch, ...new Array<Dim>(m).fill(null)];
    if (amounts !== null) {
      for (let d = 0; d < m; d++) {
        const start = amounts[2 * d];
        const end = amounts[2 * d + 1];
        if (start < 0 || end < 0) f.fail(toBatch ? "paddings cannot be negative" : "crops cannot be negative");
        const size = dimAt(d + 1);
        if (block === null || size === null) continue;
        if (toBatch) {
          const padded = size + start + end;
          if (padded % block[d] !== 0) f.fail(`Dimension size must be evenly divisible by ${block[d]} but is ${padded}`);
          dims[d + 1] = padded / block[d];
        } else {
          const grown = size * block[d];
          if (grown < start) f.fail(`Negative dimension size caused by subtracting ${start} from ${grown}`);
          if (grown - start < end) f.fail(`Negative dimension size caused by subtracting ${end} from ${grown - start}`);
          dims[d + 1] = grown - start - end;
        }
      }
    }
    const rest = dimsIn === null ? null : dimsIn.slice(m + 1);
    return [rest === null ? TensorShape.unknown() : new TensorShape([...dims, ...rest])];
  };
}

/** The kernels' argument checks (spacetobatch_op.cc / batchtospace_op.cc), in their order. */
function checkedArgs(x: NDArray, blockT: NDArray, amountsT: NDArray, what: "paddings" | "crops", k: KernelContext<Attrs>) {
  const op = k.op.name;
  if (blockT.shape.length !== 1) throw new InvalidArgumentError(`block_shape rank should be 1 instead of ${blockT.shape.length}`, op);
  const m = blockT.shape[0];
  if (x.shape.length < 1 + m) throw new InvalidArgumentError(`input rank should be >= ${1 + m} instead of ${x.shape.length}`, op);
  if (amountsT.shape.length !== 2 || amountsT.shape[0] !== m || amountsT.shape[1] !== 2) {
    throw new InvalidArgumentError(`${what} should have shape [${m}, 2] instead of [${amountsT.shape.join(",")}]`, op);
  }
  const block = intsOf(blockT);
  const amounts = intsOf(amountsT);
  const product = block.reduce((p, b) => p * b, 1);
  if (product <= 0) throw new InvalidArgumentError(`Product of block sizes must be positive, got ${product}`, op);
  // Two negative sizes pass TF's product check and then abort its process on a negative
  // dimension; here they fail as the shape function words a bad block.
  if (block.some((b) => b < 1)) throw new InvalidArgumentError("block_shape must be positive", op);
  // TF folds the leading and trailing block dims with block 1 and no padding into the batch
  // and depth; only the rest count toward its limit of 4.
  const trivial = (d: number) => block[d] === 1 && amounts[2 * d] === 0 && amounts[2 * d + 1] === 0;
  let first = 0;
  while (first < m && trivial(first)) first++;
  let last = m;
  while (last > first && trivial(last - 1)) last--;
  if (last - first > MAX_BLOCK_DIMS) {
    throw new InvalidArgumentError(`Maximum number of non-combined block dimensions is ${last - first} but must not exceed ${MAX_BLOCK_DIMS}`, op);
  }
  return { m, block, amounts, product };
}

/**
 * The one index map of both ops: element (ob, o_1..o_M, rest) of the batch-side tensor is
 * element (ob mod B, o_j * block_j + k_j - start_j, rest) of the space-side tensor, where
 * (k_1..k_M) is ob div B in row-major order over block_shape and B the space side's batch.
 * Space positions outside [0, size) are the padding (zeros on the batch side).
 */
function moveBlocks(space: NDArray, batchSide: NDArray, block: number[], starts: number[], toBatch: boolean): void {
  const m = block.length;
  const spaceShape = space.shape;
  const batchShape = batchSide.shape;
  const B = spaceShape[0];
  let depth = 1;
  for (let d = m + 1; d < spaceShape.length; d++) depth *= spaceShape[d];
  const spaceStrides = new Array<number>(m + 1);
  const batchStrides = new Array<number>(m + 1);
  let s = depth;
  let t = depth;
  for (let d = m; d >= 0; d--) {
    spaceStrides[d] = s;
    batchStrides[d] = t;
    s *= spaceShape[d];
    t *= batchShape[d];
  }
  const src = (toBatch ? space.data : batchSide.data) as unknown as Buf;
  const dst = (toBatch ? batchSide.data : space.data) as unknown as Buf;
  let cells = 1;
  for (let d = 1; d <= m; d++) cells *= batchShape[d];
  const pos = new Array<number>(m).fill(0);
  const offsets = new Array<number>(m);
  for (let ob = 0; ob < batchShape[0]; ob++) {
    let rem = Math.floor(ob / B);
    for (let d = m - 1; d >= 0; d--) {
      offsets[d] = (rem % block[d]) - starts[d];
      rem = Math.floor(rem / block[d]);
    }
    pos.fill(0);
    for (let cell = 0; cell < cells; cell++) {
      let inside = true;
      let so = (ob % B) * spaceStrides[0];
      let bo = ob * batchStrides[0];
      for (let d = 0; d < m; d++) {
        const at = pos[d] * block[d] + offsets[d];
        if (at < 0 || at >= spaceShape[d + 1]) inside = false;
        so += at * spaceStrides[d + 1];
        bo += pos[d] * batchStrides[d + 1];
      }
      if (inside) {
        const from = toBatch ? so : bo;
        const to = toBatch ? bo : so;
        for (let i = 0; i < depth; i++) dst[to + i] = src[from + i];
      }
      for (let d = m - 1; d >= 0; d--) {
        if (++pos[d] < batchShape[d + 1]) break;
        pos[d] = 0;
      }
    }
  }
}

export const SpaceToBatchND = defineOp<Attrs>({
  type: "SpaceToBatchND",
  doc: "Zero-pads the spatial dimensions [1, ..., M] of `input` by `paddings`, then moves each `block_shape` block of them into the batch dimension.",
  inputs: [
    { name: "input", typeAttr: "T" },
    { name: "block_shape", typeAttr: "Tblock_shape" },
    { name: "paddings", typeAttr: "Tpaddings" },
  ],
  typeAttrs: { T: TYPES.any, Tblock_shape: TYPES.intIndex, Tpaddings: TYPES.intIndex },
  effects: [],
  inferDtype: (c) => [c.dtypes[0]],
  inferShape: spaceBatchShape(true),
  kernel: ([x, blockT, paddingsT], k) => {
    const op = k.op.name;
    const { m, block, amounts, product } = checkedArgs(x, blockT, paddingsT, "paddings", k);
    const outShape = [x.shape[0] * product];
    for (let d = 0; d < m; d++) {
      const start = amounts[2 * d];
      const end = amounts[2 * d + 1];
      if (start < 0 || end < 0) throw new InvalidArgumentError("Paddings must be non-negative", op);
      const padded = x.shape[d + 1] + start + end;
      if (padded % block[d] !== 0) {
        throw new InvalidArgumentError(`padded_shape[${d}]=${padded} is not divisible by block_shape[${d}]=${block[d]}`, op);
      }
      outShape.push(padded / block[d]);
    }
    outShape.push(...x.shape.slice(m + 1));
    const out = k.alloc(x.dtype, outShape);
    fillBuffer(out.data, x.dtype.name === "string" ? "" : 0);
    moveBlocks(x, out, block, amounts.filter((_, i) => i % 2 === 0), true);
    return out;
  },
  // array_grad.py's _SpaceToBatchNDGrad: BatchToSpaceND with the same block_shape, paddings as crops.
  gradient: (op, [g], b) => [b.gen("BatchToSpaceND", [g!, op.inputs[1], op.inputs[2]]), null, null],
});

export const BatchToSpaceND = defineOp<Attrs>({
  type: "BatchToSpaceND",
  doc: "Moves blocks of the batch dimension of `input` back into its spatial dimensions [1, ..., M] (`block_shape`), then crops them by `crops`.",
  inputs: [
    { name: "input", typeAttr: "T" },
    { name: "block_shape", typeAttr: "Tblock_shape" },
    { name: "crops", typeAttr: "Tcrops" },
  ],
  typeAttrs: { T: TYPES.any, Tblock_shape: TYPES.intIndex, Tcrops: TYPES.intIndex },
  effects: [],
  inferDtype: (c) => [c.dtypes[0]],
  inferShape: spaceBatchShape(false),
  kernel: ([x, blockT, cropsT], k) => {
    const op = k.op.name;
    const { m, block, amounts, product } = checkedArgs(x, blockT, cropsT, "crops", k);
    if (x.shape[0] % product !== 0) {
      throw new InvalidArgumentError(`Input batch dimension (${x.shape[0]}) is not divisible by product of block sizes (${product})`, op);
    }
    const outShape = [x.shape[0] / product];
    for (let d = 0; d < m; d++) {
      const start = amounts[2 * d];
      const end = amounts[2 * d + 1];
      if (start < 0 || end < 0) throw new InvalidArgumentError("Crops must be non-negative", op);
      const cropped = x.shape[d + 1] * block[d] - start - end;
      if (cropped < 0) throw new InvalidArgumentError(`cropped_shape[${d}]=${cropped} must be non-negative`, op);
      outShape.push(cropped);
    }
    outShape.push(...x.shape.slice(m + 1));
    const out = k.alloc(x.dtype, outShape);
    moveBlocks(out, x, block, amounts.filter((_, i) => i % 2 === 0), false);
    return out;
  },
  // array_grad.py's _BatchToSpaceNDGrad: SpaceToBatchND with the same block_shape, crops as paddings.
  gradient: (op, [g], b) => [b.gen("SpaceToBatchND", [g!, op.inputs[1], op.inputs[2]]), null, null],
});
