// tf.while_loop's docstring (TF 1.15): a loop variable whose shape changes needs a less specific
// shape invariant; without one, building the loop fails.
const i0 = tf.constant(0);
const m0 = tf.ones([2, 2]);
const c = (i, m) => i < 10;
const b = (i, m) => [i + 1, tf.concat([m, m], { axis: 0 })];
const [i, m] = tf.while_loop(c, b, { loop_vars: [i0, m0], shape_invariants: [i0.get_shape(), tf.TensorShape([null, 2])] });
print(m);
const sess = tf.Session();
print(sess.run(tf.shape(m)));
tf.while_loop(c, b, [i0, m0]);

/* Output:
Tensor("while/Exit_1:0", shape=(?, 2), dtype=float32)
[2048    2]
ValueError: Input tensor 'ones:0' enters the loop with shape (2, 2), but has shape (4, 2) after one iteration. To allow the shape to vary across iterations, use the `shape_invariants` argument of tf.while_loop to specify a less-specific shape.
*/
