/**
 * Conformance cases for the random ops: their static shapes agree with what they draw.
 * (All are NotDifferentiable in TF, so there is no gradient to check.)
 */
import { int32 } from "../../dtypes.js";
import type { OpCase } from "./types.js";

export const randomCases: OpCase[] = [
  {
    op: "RandomUniform",
    name: "draws a matrix of the given shape",
    build: (tf, dt) => ({ y: tf.random_uniform([2, 3], { dtype: dt, seed: 3 }), feeds: [] }),
  },
  {
    op: "RandomUniform",
    name: "draws the shape of a fed tensor",
    build: (tf, dt) => {
      const x = tf.placeholder(dt, [null, 2]);
      return { y: tf.random_uniform(tf.shape(x), { dtype: dt }), feeds: [[x, [[1, 2], [3, 4], [5, 6]]]] };
    },
  },
  {
    op: "RandomUniformInt",
    name: "draws integers in a range",
    build: (tf) => ({ y: tf.random_uniform([4], { minval: -3, maxval: 5, dtype: int32, seed: 1 }), feeds: [] }),
  },
  {
    op: "RandomStandardNormal",
    name: "draws a vector of normals",
    build: (tf, dt) => ({ y: tf.random_normal([5], { dtype: dt, seed: 1 }), feeds: [] }),
  },
  {
    op: "TruncatedNormal",
    name: "draws a matrix of truncated normals",
    build: (tf, dt) => ({ y: tf.truncated_normal([3, 2], { dtype: dt, stddev: 0.5 }), feeds: [] }),
  },
  {
    op: "RandomShuffle",
    name: "shuffles the rows of a fed matrix",
    build: (tf, dt) => {
      const x = tf.placeholder(dt, [3, 2]);
      return { y: tf.random_shuffle(x, { seed: 2 }), feeds: [[x, [[1, 2], [3, 4], [5, 6]]]] };
    },
  },
];
