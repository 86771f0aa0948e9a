/**
 * Conformance cases for the optimizers' update ops. They write variables in place, so they
 * have no gradient (TF registers none); the cases check shapes and that each op runs.
 */
import type { OpCase } from "./types.js";
import type { TF } from "../../tf.js";
import type { DType } from "../../dtypes.js";

/** A two-element variable, a loss on it, and the optimizer's training op. */
function trainStep(tf: TF, dt: DType, make: (tf: TF) => { minimize(loss: unknown): unknown }) {
  const v = tf.Variable(tf.constant([1.5, -2], dt), { name: "v" });
  const loss = tf.reduce_sum(tf.square(v));
  return { y: make(tf).minimize(loss) as never, feeds: [] };
}

export const trainingCases: OpCase[] = [
  {
    op: "ApplyGradientDescent",
    name: "takes one gradient step",
    build: (tf, dt) => trainStep(tf, dt, (t) => t.train.GradientDescentOptimizer(0.1)),
  },
  {
    op: "ApplyMomentum",
    name: "takes one momentum step",
    build: (tf, dt) => trainStep(tf, dt, (t) => t.train.MomentumOptimizer(0.1, 0.9)),
  },
  {
    op: "ApplyAdam",
    name: "takes one Adam step",
    build: (tf, dt) => trainStep(tf, dt, (t) => t.train.AdamOptimizer(0.1)),
  },
  {
    op: "ApplyRMSProp",
    name: "takes one RMSProp step",
    build: (tf, dt) => trainStep(tf, dt, (t) => t.train.RMSPropOptimizer(0.1)),
  },
  {
    op: "ApplyAdagrad",
    name: "takes one Adagrad step",
    build: (tf, dt) => trainStep(tf, dt, (t) => t.train.AdagradOptimizer(0.1)),
  },
];
