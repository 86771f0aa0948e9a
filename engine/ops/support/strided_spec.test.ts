import { describe, expect, it } from "vitest";
import { StridedSliceMasks, validateStridedSlice } from "./strided_spec.js";

const masks = (m: Partial<StridedSliceMasks> = {}): StridedSliceMasks => ({
  begin_mask: 0,
  end_mask: 0,
  ellipsis_mask: 0,
  new_axis_mask: 0,
  shrink_axis_mask: 0,
  ...m,
});

describe("validateStridedSlice", () => {
  // Examples from TF's strided_slice docs.
  it("gives foo[5:, :, :3] on a 7×8×9 tensor the shape [2, 8, 3]", () => {
    const spec = validateStridedSlice([5, 0, 0], [0, 0, 3], [1, 1, 1], [7, 8, 9], masks({ end_mask: 0b011, begin_mask: 0b110 }));
    expect(spec).toMatchObject({ final: [2, 8, 3], begin: [5, 0, 0], end: [7, 8, 3] });
  });

  it("reverses foo[::-1] from the last element", () => {
    const spec = validateStridedSlice([0], [0], [-1], [8], masks({ begin_mask: 1, end_mask: 1 }));
    expect(spec).toMatchObject({ final: [8], begin: [7], end: [-1], strides: [-1] });
  });

  it("expands an ellipsis: foo[3:5, ..., 4:5] on 10×3×3×10 is [2, 3, 3, 1]", () => {
    const spec = validateStridedSlice([3, 0, 4], [5, 0, 5], [1, 1, 1], [10, 3, 3, 10], masks({ ellipsis_mask: 0b010 }));
    expect(spec).toMatchObject({ final: [2, 3, 3, 1] });
  });

  it("adds new axes and drops shrunk ones: foo[:4, newaxis, 2] on 5×6 is [4, 1]", () => {
    const spec = validateStridedSlice([0, 0, 2], [4, 0, 3], [1, 1, 1], [5, 6], masks({ begin_mask: 1, new_axis_mask: 0b010, shrink_axis_mask: 0b100 }));
    expect(spec).toMatchObject({ final: [4, 1], processing: [4, 1] });
  });

  it("leaves unknown dims unknown and sizes known ones without begin and end", () => {
    expect(validateStridedSlice(null, null, [1, 1], [-1, 4], masks({ begin_mask: 3, end_mask: 3 }))).toMatchObject({ final: [-1, 4] });
  });

  it("returns TF's error texts", () => {
    expect(validateStridedSlice([0], [1], [0], [3], masks())).toBe("strides[0] must be non-zero");
    expect(validateStridedSlice([0, 0], [1, 1], [1, 1], [3], masks({ ellipsis_mask: 3 }))).toBe("Multiple ellipses in slice spec not allowed");
    expect(validateStridedSlice([4], [5], [1], [3], masks({ shrink_axis_mask: 1 }))).toBe("slice index 4 of dimension 0 out of bounds.");
    expect(validateStridedSlice([0], [1], [-1], [3], masks({ shrink_axis_mask: 1 }))).toBe("only stride 1 allowed on non-range indexing.");
    expect(validateStridedSlice([0, 0], [1, 1], [1, 1], [3], masks())).toBe("Index out of range using input dim 1; input has only 1 dims");
  });
});
