/**
 * The tutorial loop through the engine's public `tf` API from TypeScript, without the runner
 * (no transpiler, no line tracking, no batcher), with the runner's Summarizer as the run
 * listener, or with no listener at all. The differences between these and the app's rate
 * show what the run records, the runner and the batcher each cost.
 */
import { createTF, operatorRuntime, PyFloat } from "../engine";
import type { Tensor } from "../engine";
import { Summarizer } from "../src/runner/summarize";

export function engineTutorialRate(steps: number, listener: "summarizer" | "none", steadyFrom = 0): number {
  const tf = createTF(listener === "none" ? {} : { onRun: new Summarizer().onRun });
  const py = operatorRuntime(tf.get_default_graph().ctx);
  const m = tf.get_variable("m", [], { initializer: tf.constant_initializer(new PyFloat(0)) });
  const b = tf.get_variable("b", [], { initializer: tf.constant_initializer(new PyFloat(0)) });
  const init = tf.global_variables_initializer();
  const input = tf.placeholder(tf.float32);
  const output = tf.placeholder(tf.float32);
  const loss = tf.square(py.sub(output, py.add(py.mul(m, input), b)) as Tensor);
  const trainOp = tf.train.GradientDescentOptimizer(1e-3).minimize(loss);
  const sess = tf.Session();
  sess.run(init);
  const trueM = Math.random();
  const trueB = Math.random();
  let t0 = performance.now();
  for (let i = 0; i < steps; i++) {
    if (i === steadyFrom && i > 0) t0 = performance.now();
    const x = Math.random();
    // As the learner writes it: tensors as computed keys of the feed dict (the casts only
    // satisfy TypeScript; an explicit String() call would cost more than the key itself).
    sess.run([loss, trainOp], { feed_dict: { [input as unknown as string]: x, [output as unknown as string]: trueM * x + trueB } });
  }
  const ms = performance.now() - t0;
  return (steps - steadyFrom) / (ms / 1000);
}
