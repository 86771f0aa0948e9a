/**
 * Conformance cases for the control-flow ops (built as tf.cond and tf.while_loop build them) and
 * the stacks of a while loop's gradient.
 */
import type { OpCase } from "./types.js";
import type { TF } from "../../tf.js";
import type { DType } from "../../dtypes.js";
import type { Tensor } from "../../graph.js";

/** `v` multiplied by `x` three times in a while loop: Enter, Merge, Switch, LoopCond, NextIteration, Exit. */
function powerLoop(tf: TF, dt: DType) {
  const x = tf.placeholder(dt, [2]);
  const [, y] = tf.while_loop(
    (i: Tensor) => tf.less(i, 3),
    (i: Tensor, v: Tensor) => [tf.add(i, 1), tf.multiply(v, x)],
    [tf.constant(0), tf.ones([2], dt)],
  ) as Tensor[];
  return { x, y };
}

/** The gradient of `powerLoop`: the counters, stacks and sync of a loop's backward pass. */
function loopGradient(tf: TF, dt: DType) {
  const { x, y } = powerLoop(tf, dt);
  const [g] = tf.gradients(y, [x]) as Tensor[];
  return { y: g, feeds: [[x, [0.5, 1.5]]] as [Tensor, number[]][] };
}

function condOf(tf: TF, dt: DType, pred: boolean) {
  const x = tf.placeholder(dt, [3]);
  const y = tf.cond(tf.constant(pred), () => tf.multiply(x, 2), () => tf.square(x)) as Tensor;
  return { y, feeds: [[x, [1, -2, 3]]] as [Tensor, number[]][] };
}

export const controlCases: OpCase[] = [
  { op: "Switch", name: "sends its input to the branch taken (tf.cond, true)", build: (tf, dt) => condOf(tf, dt, true) },
  { op: "Merge", name: "forwards the live branch's value (tf.cond, false)", build: (tf, dt) => condOf(tf, dt, false) },
  {
    op: "RefSwitch",
    name: "lets the branch taken write a variable",
    build: (tf, dt) => {
      const v = tf.Variable(tf.constant([1, 2], dt));
      const y = tf.cond(tf.constant(true), () => tf.assign_add(v, tf.constant([1, 1], dt)), () => tf.identity(v)) as Tensor;
      return { y, feeds: [] };
    },
    grad: false,
  },
  ...(["Enter", "Exit", "NextIteration", "LoopCond"] as const).map(
    (op): OpCase => ({
      op,
      name: "runs a loop three times (x³ elementwise)",
      build: (tf, dt) => {
        const { x, y } = powerLoop(tf, dt);
        return { y, feeds: [[x, [0.5, 1.5]]] };
      },
    }),
  ),
  {
    op: "RefEnter",
    name: "lets a loop's body write a variable in every iteration",
    build: (tf, dt) => {
      const v = tf.Variable(tf.constant([0, 0], dt));
      const r = tf.while_loop(
        (i: Tensor) => tf.less(i, 3),
        (i: Tensor) => tf.get_default_graph().control_dependencies([tf.assign_add(v, tf.constant([1, 2], dt))], () => tf.add(i, 1)),
        [tf.constant(0)],
      ) as Tensor;
      return { y: r, feeds: [] };
    },
    grad: false,
  },
  ...(["ControlTrigger", "StackV2", "StackPushV2", "StackPopV2"] as const).map(
    (op): OpCase => ({ op, name: "carries a loop's forward values to its gradient", build: loopGradient, grad: false }),
  ),
  {
    op: "Assert",
    name: "passes when its condition holds",
    build: (tf, dt) => {
      const x = tf.placeholder(dt, [2]);
      return { y: tf.Assert(tf.reduce_all(tf.greater(x, 0)), [x]), feeds: [[x, [1, 2]]] };
    },
    grad: false,
  },
];
