/**
 * Stateful random ops: RandomUniform, RandomUniformInt, RandomStandardNormal, TruncatedNormal,
 * RandomShuffle. Each keeps one TFRandom per (op, session), so the k-th run of an op gives TF's
 * k-th sample for its (seed, seed2) attrs; with both attrs 0 (no seed anywhere) the stream is
 * seeded from the session's seed source, so a program is reproducible under the playground's
 * own seed. Every run reports a `random` side effect. TF registers all of them NotDifferentiable.
 */
import { DType, float32, float64, int32 } from "../../dtypes.js";
import { InvalidArgumentError, PyTypeError } from "../../errors.js";
import { defineOp, KernelContext, TypeAttrSpec } from "../../op.js";
import type { NDArray } from "../../ndarray.js";
import { TFRandom } from "../../random/tfrandom.js";
import { TYPES } from "../support/common.js";
import { ShapeFn, dimsString } from "../support/array_infer.js";
import { copyBlock, intsOf } from "../support/array_kernels.js";
import { stridesOf } from "../../shape.js";

type Seeds = { seed: number; seed2: number };

/** The op's random stream in this session (TF's GuardedPhiloxRandom). */
function streamOf(k: KernelContext<Seeds>): TFRandom {
  return k.state(() => new TFRandom(k.attrs.seed, k.attrs.seed2, () => k.seed()));
}

/** The output shape from the `shape` input, with TF's kernel errors. */
function shapeArg(t: NDArray, k: KernelContext<unknown>): number[] {
  if (t.shape.length !== 1) throw new InvalidArgumentError(`shape must be a vector of {int32,int64}, got shape ${dimsString(t.shape)}`, k.op.name);
  const dims = intsOf(t);
  for (const d of dims) if (d < 0) throw new InvalidArgumentError(`Dimension ${d} must be >= 0`, k.op.name);
  return dims;
}

/** Float dtypes of the random float ops (TF: half, bfloat16, float, double). */
const RANDOM_FLOAT: TypeAttrSpec = { allowed: [float32, float64], tfList: "float16, bfloat16, float32, float64" };

/** Declares a float-valued random op whose output depends only on `shape`. */
function floatRandomOp(type: string, doc: string, draw: (rng: TFRandom, out: NDArray) => void) {
  return defineOp<Seeds & { dtype: DType; T: DType }>({
    type,
    doc,
    inputs: [{ name: "shape", typeAttr: "T" }],
    typeAttrs: { T: TYPES.intIndex },
    effects: ["random"],
    inferDtype: (c) => {
      if (!RANDOM_FLOAT.allowed.includes(c.attrs.dtype)) {
        throw new PyTypeError(`Value passed to parameter 'dtype' has DataType ${c.attrs.dtype.name} not in list of allowed values: ${RANDOM_FLOAT.tfList}`);
      }
      return [c.attrs.dtype];
    },
    inferShape: (c) => [new ShapeFn(c).shapeFromTensor(0)],
    kernel: ([shape], k) => {
      const out = k.alloc(k.attrs.dtype, shapeArg(shape, k));
      draw(streamOf(k), out);
      k.effect("random");
      return out;
    },
    gradient: null,
  });
}

export const RandomUniform = floatRandomOp("RandomUniform", "Uniform random values in [0, 1) (a new draw every run).", (rng, out) =>
  out.dtype === float32 ? rng.uniformFloat32(out.data as Float32Array) : rng.uniformFloat64(out.data as Float64Array),
);

export const RandomStandardNormal = floatRandomOp(
  "RandomStandardNormal",
  "Normal random values with mean 0 and standard deviation 1 (a new draw every run).",
  (rng, out) => (out.dtype === float32 ? rng.normalFloat32(out.data as Float32Array) : rng.normalFloat64(out.data as Float64Array)),
);

export const TruncatedNormal = floatRandomOp(
  "TruncatedNormal",
  "Standard normal random values, redrawn when more than 2 standard deviations out (a new draw every run).",
  (rng, out) => (out.dtype === float32 ? rng.truncatedNormalFloat32(out.data as Float32Array) : rng.truncatedNormalFloat64(out.data as Float64Array)),
);

export const RandomUniformInt = defineOp<Seeds & { Tout: DType; T: DType }>({
  type: "RandomUniformInt",
  doc: "Uniform random integers in [minval, maxval) (a new draw every run).",
  inputs: [
    { name: "shape", typeAttr: "T" },
    { name: "minval", typeAttr: "Tout" },
    { name: "maxval", typeAttr: "Tout" },
  ],
  // int64 draws take TF's two-word samples, not reproduced here: int32 only.
  typeAttrs: { T: TYPES.intIndex, Tout: { allowed: [int32], tfList: "int32, int64" } },
  effects: ["random"],
  inferDtype: (c) => [c.dtypes[1]],
  inferShape: (c) => {
    const f = new ShapeFn(c);
    f.withRank(c.shapes[1], 0);
    f.withRank(c.shapes[2], 0);
    return [f.shapeFromTensor(0)];
  },
  kernel: ([shape, lo, hi], k) => {
    const dims = shapeArg(shape, k);
    if (lo.shape.length !== 0) throw new InvalidArgumentError(`minval must be 0-D, got shape ${dimsString(lo.shape)}`, k.op.name);
    if (hi.shape.length !== 0) throw new InvalidArgumentError(`maxval must be 0-D, got shape ${dimsString(hi.shape)}`, k.op.name);
    const out = k.alloc(int32, dims);
    const a = Number(lo.data[0]);
    const b = Number(hi.data[0]);
    if (out.size > 0 && !(a < b)) throw new InvalidArgumentError(`Need minval < maxval, got ${a} >= ${b}`, k.op.name);
    streamOf(k).uniformInt32(out.data as Int32Array, a, b);
    k.effect("random");
    return out;
  },
  gradient: null,
});

export const RandomShuffle = defineOp<Seeds & { T: DType }>({
  type: "RandomShuffle",
  doc: "`value` with its rows (first dimension) in a random order (a new order every run).",
  inputs: [{ name: "value", typeAttr: "T" }],
  typeAttrs: { T: TYPES.any },
  effects: ["random"],
  inferDtype: (c) => [c.dtypes[0]],
  inferShape: (c) => [c.shapes[0]],
  kernel: ([x], k) => {
    const out = k.alloc(x.dtype, x.shape);
    const rows = x.shape.length === 0 ? 1 : x.shape[0];
    const perm = new Int32Array(rows);
    streamOf(k).shufflePermutation(perm, x.size);
    const rowShape = x.shape.slice(1);
    const rowSize = x.size / Math.max(1, rows);
    const rowStrides = stridesOf(rowShape);
    for (let i = 0; i < rows; i++) copyBlock(x.data, perm[i] * rowSize, rowStrides, out.data, i * rowSize, rowStrides, rowShape);
    k.effect("random");
    return out;
  },
  gradient: null,
});
