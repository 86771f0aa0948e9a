/**
 * TF's `ValidateStridedSliceOp` (tensorflow/core/util/strided_slice_op.cc), shared by the
 * StridedSlice shape function (with unknown dims as -1, possibly unknown begin/end) and its
 * kernel: the sparse spec (with ellipsis, new-axis and shrink masks) becomes one dense
 * begin/end/stride per input dimension, then the "processing shape" (what is copied) and the
 * "final shape" (new axes added, shrunk axes dropped).
 */

export interface StridedSliceMasks {
  begin_mask: number;
  end_mask: number;
  ellipsis_mask: number;
  new_axis_mask: number;
  shrink_axis_mask: number;
}

export interface StridedSliceSpec {
  /** Per input dim; -1 for an unknown size. */
  processing: number[];
  /** The output shape; -1 for an unknown size. */
  final: number[];
  begin: number[];
  end: number[];
  strides: number[];
}

const NEW_AXIS = -2;
const SHRINK_AXIS = -1;

/**
 * Validates a strided slice of a tensor of `inputShape` (-1: unknown dim). `begin`/`end` may be
 * null when not known at graph-construction time. Returns TF's error text on failure.
 */
export function validateStridedSlice(
  begin: readonly number[] | null,
  end: readonly number[] | null,
  strides: readonly number[],
  inputShape: readonly number[],
  m: StridedSliceMasks,
): StridedSliceSpec | string {
  const n = strides.length;
  let ellipsisMask = m.ellipsis_mask;
  if (ellipsisMask && (ellipsisMask & (ellipsisMask - 1)) !== 0) return "Multiple ellipses in slice spec not allowed";
  let sparseDims = n;
  let ellipsisSeen = false;
  let numAddAxisAfterEllipsis = 0;
  for (let i = 0; i < sparseDims; i++) {
    if (ellipsisSeen && ((1 << i) & m.new_axis_mask) !== 0) numAddAxisAfterEllipsis++;
    if ((1 << i) & ellipsisMask) ellipsisSeen = true;
  }
  if (!ellipsisSeen) {
    ellipsisMask |= 1 << sparseDims;
    sparseDims++;
  }

  // Dense spec.
  const dims = inputShape.length;
  const dBegin = new Array<number>(dims).fill(0);
  const dEnd = new Array<number>(dims).fill(0);
  const dStrides = new Array<number>(dims).fill(0);
  let beginMask = 0;
  let endMask = 0;
  let shrinkMask = 0;
  const gather: number[] = [];
  let full = 0;
  for (let i = 0; i < sparseDims; i++) {
    if ((1 << i) & ellipsisMask) {
      const next = Math.min(dims - (sparseDims - i) + 1 + numAddAxisAfterEllipsis, dims);
      for (; full < next; full++) {
        dBegin[full] = dEnd[full] = 0;
        dStrides[full] = 1;
        beginMask |= 1 << full;
        endMask |= 1 << full;
        gather.push(full);
      }
    } else if ((1 << i) & m.new_axis_mask) {
      gather.push(NEW_AXIS);
    } else {
      if (full === dims) return `Index out of range using input dim ${full}; input has only ${dims} dims`;
      if (begin !== null) dBegin[full] = begin[i];
      if (end !== null) dEnd[full] = end[i];
      dStrides[full] = strides[i];
      if (m.begin_mask & (1 << i)) beginMask |= 1 << full;
      if (m.end_mask & (1 << i)) endMask |= 1 << full;
      if (m.shrink_axis_mask & (1 << i)) {
        gather.push(SHRINK_AXIS);
        shrinkMask |= 1 << full;
      } else {
        gather.push(full);
      }
      full++;
    }
  }

  // Explicit ranges and bounds checks.
  const processing: number[] = [];
  const known = begin !== null && end !== null;
  for (let i = 0; i < dims; i++) {
    const stride = dStrides[i];
    const dim = inputShape[i];
    if (stride === 0) return `strides[${i}] must be non-zero`;
    const shrink = (shrinkMask & (1 << i)) !== 0;
    if (dim === -1) {
      processing.push(shrink ? 1 : -1);
      continue;
    }
    const masks = [beginMask & (1 << i), endMask & (1 << i)];
    const valid = [stride > 0 ? 0 : -1, stride > 0 ? dim : dim - 1];
    const canonical = (x: number, c: 0 | 1): number => {
      if (masks[c]) return stride > 0 ? valid[c] : valid[(c + 1) & 1];
      const fwd = x < 0 ? dim + x : x;
      return fwd < valid[0] ? valid[0] : fwd > valid[1] ? valid[1] : fwd;
    };
    if (shrink && stride <= 0) return "only stride 1 allowed on non-range indexing.";
    const bothMasked = masks[0] !== 0 && masks[1] !== 0;
    if (known) {
      if (shrink) {
        const fwd = dBegin[i] < 0 ? dim + dBegin[i] : dBegin[i];
        dBegin[i] = fwd;
        dEnd[i] = fwd + 1;
        if (fwd < 0 || fwd >= dim) return `slice index ${fwd} of dimension ${i} out of bounds.`;
      } else {
        dBegin[i] = canonical(dBegin[i], 0);
        dEnd[i] = canonical(dEnd[i], 1);
      }
    }
    let interval = 0;
    let knownInterval = false;
    if (known) {
      interval = dEnd[i] - dBegin[i];
      knownInterval = true;
    } else if (shrink) {
      interval = 1;
      knownInterval = true;
    } else if (bothMasked && dim > 0) {
      interval = stride < 0 ? -dim : dim;
      knownInterval = true;
    }
    if (knownInterval) {
      let size: number;
      if (interval === 0 || interval < 0 !== stride < 0) size = 0;
      else size = Math.trunc(interval / stride) + (interval % stride !== 0 ? 1 : 0);
      processing.push(size);
    } else {
      processing.push(-1);
    }
  }

  const final: number[] = [];
  for (const g of gather) {
    if (g >= 0) final.push(processing[g]);
    else if (g === NEW_AXIS) final.push(1);
  }
  return { processing, final, begin: dBegin, end: dEnd, strides: dStrides };
}
