/**
 * The programs `npm run bench:ui` draws: what learners write after the tutorial, run through
 * the app as they would run them (not generated drawings). Issue 11 lists them.
 */
import { readFileSync } from "node:fs";

const EXAMPLES = new URL("../../examples/", import.meta.url);

/** `acc = acc + x * i` over range(n): 3n + 2 ops, one placeholder read by n of them. */
export function loopProgram(n: number): string {
  return [
    'const x = tf.placeholder(tf.float32, {name: "x"});',
    "let acc = tf.constant(0.0);",
    `for (const i of range(${n})) {`,
    "  acc = acc + x * i;",
    "}",
    "const sess = tf.Session();",
    "print(sess.run(acc, {feed_dict: {[x]: 1.0}}));",
  ].join("\n");
}

/** `n` tf.conds chained in a JS loop (13 ops each): a loop-built graph of control flow. */
export function condChainProgram(n: number): string {
  return [
    'const x = tf.placeholder(tf.float32, [], {name: "x"});',
    "let acc = x;",
    `for (const i of range(${n})) {`,
    "  acc = tf.cond(tf.less(acc, 100.0), () => acc * 1.01, () => acc - 1.0);",
    "}",
    "const sess = tf.Session();",
    "print(sess.run(acc, {feed_dict: {[x]: 1.0}}));",
  ].join("\n");
}

/** A hand-written RNN: a tf.while_loop over 8 steps and its gradient, trained 200 steps. */
export function whileRnnProgram(): string {
  return [
    'const xs = tf.placeholder(tf.float32, {shape: [8, 3], name: "xs"});',
    'const target = tf.placeholder(tf.float32, {shape: [1, 3], name: "target"});',
    'const W = tf.Variable(tf.random_normal([3, 3], {stddev: 0.3, seed: 1}), {name: "W"});',
    'const U = tf.Variable(tf.random_normal([3, 3], {stddev: 0.3, seed: 2}), {name: "U"});',
    "const [, h] = tf.while_loop(",
    "  (t, h) => tf.less(t, 8),",
    "  (t, h) => [t + 1, tf.tanh(tf.matmul(tf.reshape(tf.gather(xs, t), [1, 3]), W) + tf.matmul(h, U))],",
    "  [tf.constant(0), tf.zeros([1, 3])],",
    ");",
    "const loss = tf.reduce_mean(tf.square(h - target));",
    "const train = tf.train.GradientDescentOptimizer(0.5).minimize(loss);",
    "const sess = tf.Session();",
    "sess.run(tf.global_variables_initializer());",
    "const data = np.random.rand(8, 3).astype(np.float32);",
    "for (const step of range(200)) {",
    "  const [l, _] = sess.run([loss, train], {feed_dict: {[xs]: data, [target]: [[0.5, -0.5, 0.25]]}});",
    "  if (step % 50 === 0) print(step, l);",
    "}",
  ].join("\n");
}

/** The seed tutorial's linear regression, as shipped (100,000 training steps). */
export function regressionProgram(): string {
  return readFileSync(new URL("tutorial/15_linear_regression.ts", EXAMPLES), "utf8");
}

/** A 3-layer `tf.layers.dense` classifier trained with Adam for 200 steps. */
export function denseClassifierProgram(): string {
  return [
    'const x = tf.placeholder(tf.float32, {shape: [null, 4], name: "x"});',
    'const y = tf.placeholder(tf.int32, {shape: [null], name: "y"});',
    "const h1 = tf.layers.dense(x, 16, {activation: tf.nn.relu});",
    "const h2 = tf.layers.dense(h1, 16, {activation: tf.nn.relu});",
    "const logits = tf.layers.dense(h2, 3);",
    "const loss = tf.reduce_mean(tf.nn.sparse_softmax_cross_entropy_with_logits({labels: y, logits: logits}));",
    "const train_op = tf.train.AdamOptimizer(0.01).minimize(loss);",
    "const sess = tf.Session();",
    "sess.run(tf.global_variables_initializer());",
    "const xs = np.random.rand(32, 4).astype(np.float32);",
    "const ys = np.random.randint(0, 3, [32]);",
    "for (const step of range(200)) {",
    "  const [l, _] = sess.run([loss, train_op], {feed_dict: {[x]: xs, [y]: ys}});",
    "  if (step % 50 === 0) print(step, l);",
    "}",
  ].join("\n");
}

/** A random flat DAG of 1,000 ops: 50 sources, then ops each reading two earlier ones. */
export function flatDagProgram(): string {
  return [
    'const nodes = [tf.placeholder(tf.float32, {name: "x"})];',
    "for (const i of range(49)) nodes.push(tf.constant(i + 0.5));",
    "for (const i of range(950)) {",
    "  const a = nodes[Math.floor(Math.random() * nodes.length)];",
    "  const b = nodes[Math.floor(Math.random() * nodes.length)];",
    "  nodes.push(Math.random() < 0.5 ? a + b : a * b);",
    "}",
    "const sess = tf.Session();",
    "print(sess.run(nodes[nodes.length - 1], {feed_dict: {[nodes[0]]: 0.5}}));",
  ].join("\n");
}

/** A loop asking for 5 M ops: the engine stops it at the 100,000-op cap. */
export function capProgram(): string {
  return ["let acc = tf.constant(0.0);", "for (const i of range(5000000)) {", "  acc = acc + 1.0;", "}"].join("\n");
}

/** The rows of `bench:ui`'s graph table: `expand` also times "Expand all", `cap` and `loop` pick the targets. */
export const GRAPH_PROGRAMS: { name: string; source: string; expand?: boolean; cap?: boolean; loop?: boolean }[] = [
  { name: "loop range(100)", source: loopProgram(100), loop: true },
  { name: "loop range(333)", source: loopProgram(333), loop: true },
  { name: "loop range(3000)", source: loopProgram(3000), loop: true },
  { name: "tutorial regression", source: regressionProgram(), expand: true },
  { name: "3-layer dense classifier, Adam", source: denseClassifierProgram(), expand: true },
  { name: "random flat DAG", source: flatDagProgram() },
  { name: "op cap (5 M ops asked)", source: capProgram(), cap: true },
  { name: "tf.cond chain ×300", source: condChainProgram(300), expand: true },
  { name: "tf.while_loop RNN, trained", source: whileRnnProgram(), expand: true },
];
