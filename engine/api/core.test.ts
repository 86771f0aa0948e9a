import { describe, expect, it } from "vitest";
import { createTF } from "../tf.js";
import { ResourceExhaustedError } from "../errors.js";
import type { NDArray } from "../ndarray.js";

describe("constant", () => {
  it("refuses a shape above the element limit with ResourceExhaustedError before allocating", () => {
    const tf = createTF({ limits: { maxElements: 1000 } });
    let error: unknown = null;
    try {
      tf.constant(0, tf.float32, [100000, 100000]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ResourceExhaustedError);
    expect((error as Error).message).toBe("A constant of shape [100000,100000] would hold 10000000000 elements; the playground's limit is 1000 elements per tensor.");
  });

  it("still fills a shape within the limit", () => {
    const tf = createTF({ limits: { maxElements: 6 } });
    expect((tf.Session().run(tf.constant(7, tf.int32, [2, 3])) as NDArray).toArray()).toEqual([[7, 7, 7], [7, 7, 7]]);
  });
});
