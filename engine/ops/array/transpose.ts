/**
 * Transpose and InvertPermutation (the permutation its gradient transposes back with).
 * Shape function: TF's TransposeShapeFn; kernel errors: transpose_op.cc.
 */
import { DType } from "../../dtypes.js";
import { InvalidArgumentError } from "../../errors.js";
import { defineOp } from "../../op.js";
import { Dim, TensorShape, stridesOf } from "../../shape.js";
import { TYPES } from "../support/common.js";
import { ShapeFn, dimsString } from "../support/array_infer.js";
import { copyBlock, intsOf } from "../support/array_kernels.js";


export const Transpose = defineOp<{ T: DType; Tperm: DType }>({
  type: "Transpose",
  doc: "Permutes the dimensions of `x`: output dimension i is input dimension `perm[i]`.",
  inputs: [
    { name: "x", typeAttr: "T" },
    { name: "perm", typeAttr: "Tperm" },
  ],
  typeAttrs: { T: TYPES.any, Tperm: TYPES.intIndex },
  effects: [],
  inferDtype: (c) => [c.dtypes[0]],
  inferShape: (c) => {
    const f = new ShapeFn(c);
    const input = c.shapes[0];
    const permShape = c.shapes[1];
    const perm = f.ints(1);
    const permElems = permShape.dims !== null && permShape.dims.length === 1 ? permShape.dims[0] : null;
    if (input.dims === null && permElems === null && perm === null) return [TensorShape.unknown()];
    const rank = input.dims !== null ? input.dims.length : permElems !== null ? permElems : perm!.length;
    if (input.dims === null && rank < 2) return [input];
    const inDims = f.withRank(input, rank).dims!;
    f.withRank(permShape, 1);
    if (permElems !== null && permElems !== rank) f.fail(`Dimension must be ${rank} but is ${permElems}`);
    if (perm === null) return [new TensorShape(new Array<Dim>(rank).fill(null))];
    const dims: Dim[] = [];
    for (let i = 0; i < rank; i++) {
      const p = perm[i];
      if (p >= rank) f.fail(`perm dim ${p} is out of range of input rank ${rank}`);
      dims.push(inDims[p < 0 ? rank + p : p] ?? null);
    }
    return [new TensorShape(dims)];
  },
  kernel: ([x, permT], k) => {
    if (permT.shape.length !== 1) throw new InvalidArgumentError(`perm must be a vector, not ${dimsString(permT.shape)}`, k.op.name);
    const perm = intsOf(permT);
    const dims = x.shape.length;
    if (perm.length !== dims) {
      throw new InvalidArgumentError(`transpose expects a vector of size ${dims}. But input(1) is a vector of size ${perm.length}`, k.op.name);
    }
    const seen = new Array<boolean>(dims).fill(false);
    for (const d of perm) {
      if (!(d >= 0 && d < dims)) throw new InvalidArgumentError(`${d} is out of range [0 .. ${dims})`, k.op.name);
      seen[d] = true;
    }
    for (let i = 0; i < dims; i++) {
      if (!seen[i]) throw new InvalidArgumentError(`${i} is missing from {${perm.join(",")}}.`, k.op.name);
    }
    const outShape = perm.map((p) => x.shape[p]);
    const inStrides = stridesOf(x.shape);
    const out = k.alloc(x.dtype, outShape);
    copyBlock(x.data, 0, perm.map((p) => inStrides[p]), out.data, 0, stridesOf(outShape), outShape);
    return out;
  },
  // TF's _TransposeGrad: transpose back by the inverse permutation.
  gradient: (op, [g], b) => {
    const tf = b.tf;
    return [tf.transpose(g!, tf.invert_permutation(op.inputs[1])), null];
  },
});

export const InvertPermutation = defineOp<{ T: DType }>({
  type: "InvertPermutation",
  doc: "The inverse of permutation `x`: `y[x[i]] = i`.",
  inputs: [{ name: "x", typeAttr: "T" }],
  typeAttrs: { T: TYPES.intIndex },
  effects: [],
  inferDtype: (c) => [c.dtypes[0]],
  inferShape: (c) => [new ShapeFn(c).withRank(c.shapes[0], 1)],
  kernel: ([x], k) => {
    if (x.shape.length !== 1) throw new InvalidArgumentError("invert_permutation expects a 1D vector.", k.op.name);
    const n = x.size;
    const out = k.alloc(x.dtype, [n]);
    const o = out.data as Int32Array;
    o.fill(-1);
    const xs = x.data as Int32Array;
    for (let i = 0; i < n; i++) {
      const d = xs[i];
      if (!(d >= 0 && d < n)) throw new InvalidArgumentError(`${d} is not between 0 and ${n}`, k.op.name);
      if (o[d] !== -1) throw new InvalidArgumentError(`${d} is duplicated in the input.`, k.op.name);
      o[d] = i;
    }
    return out;
  },
  gradient: null,
});
