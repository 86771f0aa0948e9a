/**
 * Tensor contractions as TF 1.15 builds them from transposes, reshapes and matmuls:
 * `tf.tensordot` (math_ops.py) and `tf.einsum` (special_math_ops.py's `_einsum_v1`, which
 * 1.15 uses: one batch matmul or multiply per pair of inputs).
 */
import { int32 } from "../../dtypes.js";
import type { EngineContext } from "../../context.js";
import { Tensor } from "../../graph.js";
import { NotImplementedError, PyTypeError, ValueError } from "../../errors.js";
import { TensorShape } from "../../shape.js";
import { convertToTensor } from "../convert_tensor.js";
import { pyfunc, withContext } from "../pyargs.js";
import type { Name } from "../build.js";
import { sliceHelper } from "../slicing.js";
import { tensorOperators as T } from "../tensor_ops.js";
import { concat, expand_dims, gather, rank, setdiff1d, stack, transpose } from "./array.js";
import { reshape, shape as shapeOf } from "./array_core.js";
import { multiply } from "./arithmetic.js";
import { range, where } from "./filling.js";
import { matmul } from "./math.js";
import { reduce_prod, reduce_sum } from "./reduce.js";

type Axes = number[] | Tensor;

/** tensordot's _tensordot_reshape: `a` as a matrix [free, contracted] (flipped: [contracted, free]). */
function tensordotReshape(ctx: EngineContext, a: Tensor, axesIn: Axes, flipped: boolean): [Tensor, number[] | Tensor, (number | null)[] | null] {
  const dims = a.shape.dims;
  if (a.shape.is_fully_defined() && Array.isArray(axesIn)) {
    const shapeA = dims as number[];
    const axes = axesIn.map((i) => (i >= 0 ? i : i + shapeA.length));
    const free = shapeA.map((_, i) => i).filter((i) => !axes.includes(i));
    const freeDims = free.map((i) => shapeA[i]);
    const prodFree = freeDims.reduce((x, y) => x * y, 1);
    const prodAxes = axes.map((i) => shapeA[i]).reduce((x, y) => x * y, 1);
    const perm = flipped ? [...axes, ...free] : [...free, ...axes];
    const newShape = flipped ? [prodAxes, prodFree] : [prodFree, prodAxes];
    return [reshape(ctx, transpose(ctx, a, perm), newShape), freeDims, freeDims];
  }
  let axesT: unknown;
  let freeT: unknown;
  let freeDimsStatic: (number | null)[] | null = null;
  let shapeA: Tensor;
  if (dims !== null && Array.isArray(axesIn)) {
    const axes = axesIn.map((i) => (i >= 0 ? i : i + dims.length));
    const free = dims.map((_, i) => i).filter((i) => !axes.includes(i));
    freeDimsStatic = free.map((i) => dims[i]);
    axesT = convertToTensor(ctx, axes, { dtype: int32, name: "axes" });
    freeT = convertToTensor(ctx, free, { dtype: int32, name: "free" });
    shapeA = shapeOf(ctx, a);
  } else {
    shapeA = shapeOf(ctx, a);
    const rankA = rank(ctx, a);
    let axes = convertToTensor(ctx, axesIn, { dtype: int32, name: "axes" });
    axes = where(ctx, T.ge(ctx, axes, 0), axes, T.add(ctx, axes, rankA));
    [freeT] = setdiff1d(ctx, range(ctx, rankA), axes);
    axesT = axes;
  }
  const freeDims = gather(ctx, shapeA, freeT);
  const axesDims = gather(ctx, shapeA, axesT);
  const prodFree = reduce_prod(ctx, freeDims);
  const prodAxes = reduce_prod(ctx, axesDims);
  const perm = flipped ? concat(ctx, [axesT, freeT], 0) : concat(ctx, [freeT, axesT], 0);
  const newShape = flipped ? stack(ctx, [prodAxes, prodFree]) : stack(ctx, [prodFree, prodAxes]);
  return [reshape(ctx, transpose(ctx, a, perm), newShape), freeDims, freeDimsStatic];
}

/** tensordot's _tensordot_axes: the contracted axes of `a` and of `b`. */
function tensordotAxes(ctx: EngineContext, a: Tensor, axesIn: unknown): [Axes, Axes] {
  const axes = axesIn;
  if (typeof axes === "number") {
    if (axes < 0) throw new ValueError("'axes' must be at least 0.");
    const n = a.shape.ndims;
    if (n !== null) {
      if (axes > n) throw new ValueError(`'axes' must not be larger than the number of dimensions of tensor ${a}.`);
      return [Array.from({ length: axes }, (_, i) => n - axes + i), Array.from({ length: axes }, (_, i) => i)];
    }
    const r = rank(ctx, a);
    return [range(ctx, T.sub(ctx, r, axes), r, 1, int32), range(ctx, axes, null, 1, int32)];
  }
  if (Array.isArray(axes)) {
    if (axes.length !== 2) throw new ValueError("'axes' must be an integer or have length 2.");
    let [aAxes, bAxes] = axes as unknown[];
    if (typeof aAxes === "number" && typeof bAxes === "number") {
      aAxes = [aAxes];
      bAxes = [bAxes];
    }
    const la = Array.isArray(aAxes) ? aAxes.length : null;
    const lb = Array.isArray(bAxes) ? bAxes.length : null;
    if (la !== lb) throw new ValueError(`Different number of contraction axes 'a' and 'b', ${la} != ${lb}.`);
    return [aAxes as Axes, bAxes as Axes];
  }
  const t = convertToTensor(ctx, axes, { name: "axes", dtype: int32 });
  return [sliceHelper(ctx, t, 0), sliceHelper(ctx, t, 1)];
}

/**
 * Sums the products of `a` and `b` over `axes`: an integer n (the last n axes of `a` with the
 * first n of `b`) or a pair of axis lists.
 * @example
 * const c = tf.tensordot(a, b, 1);          // a matrix product for matrices
 * const d = tf.tensordot(a, b, [[1], [0]]); // the same, with the axes named
 */
export const tensordot = pyfunc("tensordot", ["a", "b", "axes", "name"], (ctx: EngineContext, a: unknown, b: unknown, axes: unknown, name: Name = null): Tensor =>
  ctx.defaultGraph().name_scope(name || "Tensordot", (scope) => {
    const at = convertToTensor(ctx, a, { name: "a" });
    const bt = convertToTensor(ctx, b, { name: "b" });
    const [aAxes, bAxes] = tensordotAxes(ctx, at, axes);
    const [aReshape, aFree, aFreeStatic] = tensordotReshape(ctx, at, aAxes, false);
    const [bReshape, bFree, bFreeStatic] = tensordotReshape(ctx, bt, bAxes, true);
    const ab = matmul(ctx, aReshape, bReshape);
    if (Array.isArray(aFree) && Array.isArray(bFree)) return reshape(ctx, ab, [...aFree, ...bFree], scope);
    const af = convertToTensor(ctx, aFree, { dtype: int32 });
    const bf = convertToTensor(ctx, bFree, { dtype: int32 });
    const product = reshape(ctx, ab, concat(ctx, [af, bf], 0), scope);
    if (aFreeStatic !== null && bFreeStatic !== null) product.set_shape(new TensorShape([...aFreeStatic, ...bFreeStatic]));
    return product;
  }),
);

// ---- einsum (_einsum_v1) ----

const LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

/** _einsum_v1_parse_and_resolve_equation: the inputs' and the output's axis labels. */
function parseEquation(equationIn: string, shapes: readonly TensorShape[]): [string[], string] {
  const equation = equationIn.replace(/ /g, "");
  const match = /^([a-zA-Z,.]+)(->[a-zA-Z.]*)?$/.exec(equation);
  if (!match) throw new ValueError(`Indices have incorrect format: ${equation}`);
  const inputs = match[1].split(",");
  let output: string | null = match[2] ? match[2].slice(2) : null;
  if (shapes.length !== inputs.length) throw new ValueError(`Got ${shapes.length} arguments for equation "${equation}", expecting ${inputs.length}`);
  let ellipsisAxes = "";
  if (equation.includes("...")) {
    const used = inputs.join("");
    const unused = [...LETTERS].filter((c) => !used.includes(c)).join("");
    inputs.forEach((ax, i) => {
      if (!ax.includes("...")) return;
      const parts = ax.split("...");
      if (parts.length !== 2) throw new ValueError("Unable to resolve ellipsis. Excess number found.");
      const nd = shapes[i].ndims;
      if (nd === null) throw new ValueError("Unable to statically infer ellipsis axes.");
      const n = nd - parts.join("").length;
      if (n < 0) throw new ValueError("Ellipses lengths do not match.");
      if (unused.length < n) throw new ValueError("Unable to resolve ellipsis, too many distinct labels.");
      const replace = n > 0 ? unused.slice(-n) : "";
      inputs[i] = ax.replace("...", replace);
      if (replace.length > ellipsisAxes.length) ellipsisAxes = replace;
    });
    if (inputs.some((ax) => ax.includes("."))) throw new ValueError('period "." found outside of ellipsis');
    if (output !== null) {
      output = output.replace("...", ellipsisAxes);
      if (output.includes(".")) throw new ValueError('period "." found outside of ellipsis');
    }
  }
  if (output === null) {
    // numpy's implicit output: the labels used once, alphabetically, after the ellipsis axes.
    const labels = [...new Set(inputs.join(""))].filter((a) => !ellipsisAxes.includes(a)).sort();
    const counts = new Map(labels.map((a) => [a, 0]));
    for (const ax of inputs) for (const a of ax) if (!ellipsisAxes.includes(a)) counts.set(a, counts.get(a)! + 1);
    output = ellipsisAxes + labels.filter((a) => counts.get(a) === 1).join("");
  }
  return [inputs, output];
}

/** _transpose_if_necessary. */
function transposeIfNecessary(ctx: EngineContext, t: Tensor, perm: number[]): Tensor {
  return perm.every((p, i) => p === i) ? t : transpose(ctx, t, perm);
}

type DimValue = number | Tensor;

/** _reshape_if_necessary. */
function reshapeIfNecessary(ctx: EngineContext, t: Tensor, newShape: DimValue[]): Tensor {
  const cur = t.shape.dims ?? [];
  const same = newShape.length === cur.length && newShape.every((d, i) => !(d instanceof Tensor) && (cur[i] === d || d === -1));
  return same ? t : reshape(ctx, t, newShape);
}

/** _get_shape: the static dims, with unknown ones read from `tf.shape`. */
function dimsOf(ctx: EngineContext, t: Tensor): DimValue[] {
  const dims = t.shape.as_list() as (number | null)[];
  let shapeT: Tensor | null = null;
  return dims.map((d, i) => (d !== null ? d : sliceHelper(ctx, (shapeT ??= shapeOf(ctx, t)), i)));
}

/** _total_size: a product of dims (a tensor once any is). */
function totalSize(ctx: EngineContext, dims: DimValue[]): DimValue {
  let r: DimValue = 1;
  for (const d of dims) r = typeof r === "number" && typeof d === "number" ? r * d : T.mul(ctx, r, d);
  return r;
}

/** Python's sorted() with the reduction's key: (group, label). */
function sortedAxes(labels: string, group: (a: string) => number): string[] {
  return [...labels].sort((x, y) => group(x) - group(y) || (x < y ? -1 : x > y ? 1 : 0));
}

/** _einsum_v1_reduction: contracts two inputs over `axesToSum` by one matmul (or a multiply). */
function einsumReduction(ctx: EngineContext, t0In: Tensor, l0: string, t1In: Tensor, l1: string, axesToSum: Set<string>): [Tensor, string] {
  if (l0.length !== t0In.shape.ndims) throw new ValueError(`Tensor t0 of rank ${t0In.shape.ndims} does not match einsum reduction of length ${l0.length}`);
  if (l1.length !== t1In.shape.ndims) throw new ValueError(`Tensor t1 of rank ${t1In.shape.ndims} does not match einsum reduction of length ${l1.length}`);
  const preserved = new Set([...l0].filter((a) => l1.includes(a) && !axesToSum.has(a)));
  const broadcast = [l0, l1].map((l) => new Set([...l].filter((a) => !preserved.has(a) && !axesToSum.has(a))));
  const key = (i: number) => (a: string) => (preserved.has(a) ? -1 : (i === 0 && broadcast[0].has(a)) || (i === 1 && axesToSum.has(a)) ? 0 : 1);
  const sorted = [sortedAxes(l0, key(0)), sortedAxes(l1, key(1))];
  let t0 = transposeIfNecessary(ctx, t0In, sorted[0].map((a) => l0.indexOf(a)));
  let t1 = transposeIfNecessary(ctx, t1In, sorted[1].map((a) => l1.indexOf(a)));
  const np = preserved.size;
  if (axesToSum.size === 0) {
    for (let i = 0; i < broadcast[1].size; i++) t0 = expand_dims(ctx, t0, -1);
    for (let i = 0; i < broadcast[0].size; i++) t1 = expand_dims(ctx, t1, np);
    return [multiply(ctx, t0, t1), [...sorted[0], ...sorted[1].slice(np)].join("")];
  }
  const ns = axesToSum.size;
  const t0Shape = dimsOf(ctx, t0);
  const numBroadcast0 = totalSize(ctx, t0Shape.slice(np, -ns));
  const numSummed = totalSize(ctx, t0Shape.slice(-ns));
  t0 = reshapeIfNecessary(ctx, t0, [...t0Shape.slice(0, np), numBroadcast0, numSummed]);
  const t1Shape = dimsOf(ctx, t1);
  const numBroadcast1 = totalSize(ctx, t1Shape.slice(np + ns));
  t1 = reshapeIfNecessary(ctx, t1, [...t1Shape.slice(0, np), numSummed, numBroadcast1]);
  let product = matmul(ctx, t0, t1);
  const uncompacted = [...t0Shape.slice(0, np + broadcast[0].size), ...t1Shape.slice(t1Shape.length - broadcast[1].size)];
  product = reshapeIfNecessary(ctx, product, uncompacted);
  const productAxes = [...sorted[0].slice(0, np + broadcast[0].size), ...sorted[1].slice(sorted[1].length - broadcast[1].size)];
  return [product, productAxes.join("")];
}

/**
 * Einstein summation: `equation` names each input's axes and the output's (`"ij,jk->ik"` is a
 * matrix product; without `->` the output is the labels used once, in alphabetical order).
 * Keyword argument: `name`.
 * @example
 * const m = tf.einsum("ij,jk->ik", a, b);     // a matrix product
 * const batched = tf.einsum("aij,ajk->aik", s, t);
 */
export const einsum = withContext((ctx: EngineContext, equation: string, ...args: unknown[]): Tensor => {
  let name: Name = null;
  const last = args[args.length - 1];
  if (last !== null && typeof last === "object" && !Array.isArray(last) && Object.getPrototypeOf(last) === Object.prototype) {
    const kw = last as { name?: Name };
    const bad = Object.keys(kw).filter((k) => k !== "name").sort();
    if (bad.length) throw new PyTypeError(`invalid keyword arguments for this function: ${bad.join(", ")}`);
    name = kw.name ?? null;
    args = args.slice(0, -1);
  }
  if (typeof equation !== "string") throw new PyTypeError(`einsum() expects the equation as its first argument, got ${String(equation)}`);
  return ctx.defaultGraph().name_scope(name || "einsum", () => {
    const inputs = args.map((x) => convertToTensor(ctx, x));
    const [inLabels, outLabels] = parseEquation(equation, inputs.map((x) => x.shape));
    const all = new Set(inLabels.join("") + outLabels);
    for (const a of all) {
      for (const labels of inLabels) {
        const count = [...labels].filter((c) => c === a).length;
        if (inLabels.length === 1 && count === 2 && labels === [...labels].reverse().join("") && !equation.includes("->")) {
          throw new NotImplementedError("tf.einsum of a trace ('ii') is not supported in the playground");
        }
        if (count > 1) throw new ValueError(`Subscript not supported: an axis appears more than once: ${labels}`);
      }
    }
    for (const a of all) {
      if (inLabels.filter((l) => l.includes(a)).length > 2 && !outLabels.includes(a)) {
        throw new NotImplementedError(`tf.einsum summing index "${a}" over more than two inputs is not supported in the playground`);
      }
    }
    let temp = inputs[0];
    let tempLabels = inLabels[0];
    for (let i = 0; i + 1 < inputs.length; i++) {
      const next = inLabels[i + 1];
      const axesToSum = new Set([...tempLabels].filter((a) => next.includes(a) && !outLabels.includes(a)));
      [temp, tempLabels] = einsumReduction(ctx, temp, tempLabels, inputs[i + 1], next, axesToSum);
    }
    const missing = [...tempLabels].filter((a) => !outLabels.includes(a));
    if (missing.length) {
      const axis = [...tempLabels].map((a, i) => (outLabels.includes(a) ? -1 : i)).filter((i) => i >= 0);
      temp = reduce_sum(ctx, temp, axis);
      tempLabels = [...tempLabels].filter((a) => outLabels.includes(a)).join("");
    }
    if ([...tempLabels].sort().join("") !== [...outLabels].sort().join("")) throw new ValueError(`Invalid equation: ${equation}`);
    return transposeIfNecessary(ctx, temp, [...outLabels].map((a) => tempLabels.indexOf(a)));
  });
});
