/** The program a first visit starts with: small, and it shows a graph, a run and a feed. */
export const DEFAULT_PROGRAM = `// Build a graph: nothing is computed yet.
const a = tf.constant(3.0, {name: "a"});
const x = tf.placeholder(tf.float32, {name: "x"});
const y = a * x + 1.0;
print(y);  // a Tensor, not a number

// Run it: feed x, fetch y.
const sess = tf.Session();
print(sess.run(y, {feed_dict: {[x]: 2.0}}));
`;
