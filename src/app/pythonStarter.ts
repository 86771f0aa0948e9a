/**
 * Our starter program in Python (what choosing Python shows in place of DEFAULT_PROGRAM), in
 * its own module: it is loaded only when the language is switched, so the TypeScript-only
 * learner downloads none of it.
 */
export const DEFAULT_PYTHON_PROGRAM = `# Build a graph: nothing is computed yet.
import tensorflow as tf

a = tf.constant(3.0, name="a")
x = tf.placeholder(tf.float32, name="x")
y = a * x + 1.0
print(y)  # a Tensor, not a number

# Run it: feed x, fetch y.
sess = tf.Session()
print(sess.run(y, feed_dict={x: 2.0}))
`;
