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

describe("negative dimensions", () => {
  // TF 1.15's make_tensor_proto compares the product of the dims with the value's size before
  // it checks the dims as a shape; tf.zeros / tf.ones below 1000 elements are such Consts.
  const cases: [string, (tf: ReturnType<typeof createTF>) => unknown, string][] = [
    ["tf.ones([-1])", (tf) => tf.ones([-1]), "Too many elements provided. Needed at most -1, but received 1"],
    ["tf.zeros([2, -3])", (tf) => tf.zeros([2, -3]), "Too many elements provided. Needed at most -6, but received 1"],
    ["tf.ones([2000, -1])", (tf) => tf.ones([2000, -1]), "Too many elements provided. Needed at most -2000, but received 1"],
    ["tf.constant(1.0, shape=[-1])", (tf) => tf.constant(1.0, tf.float32, [-1]), "Too many elements provided. Needed at most -1, but received 1"],
    ["tf.ones([-1, -1]) (product 1)", (tf) => tf.ones([-1, -1]), "Dimension -1 must be >= 0"],
    ["tf.eye(-1)", (tf) => tf.eye(-1), "Dimension -1 must be >= 0"],
    ["tf.eye(2, -3)", (tf) => tf.eye(2, -3), "Dimension -3 must be >= 0"],
  ];
  it.each(cases)("%s raises TF's ValueError, not a memory error", (_label, build, message) => {
    const tf = createTF({});
    expect(() => build(tf)).toThrow(expect.objectContaining({ name: "ValueError", message }));
  });

  it("leaves a negative dim in a fed shape to the kernel, as TF does", () => {
    const tf = createTF({});
    const shape = tf.placeholder_with_default([2, -3], [2]);
    expect(() => tf.Session().run(tf.zeros(shape))).toThrow(/Dimension -3 must be >= 0/);
  });
});
