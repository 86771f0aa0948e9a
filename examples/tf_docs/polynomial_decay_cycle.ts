// tf.train.polynomial_decay (TF 1.15 docstring, learning_rate_decay.py): "If `cycle` is True
// then a multiple of `decay_steps` is used, the first one that is bigger than `global_steps`."
// TF builds that multiple with a tf.cond (1.0 at step 0), so the graph holds a cond.
const global_step = tf.Variable(0, { trainable: false });
const starter_learning_rate = 0.1;
const end_learning_rate = 0.01;
const decay_steps = 4;
const learning_rate = tf.train.polynomial_decay(starter_learning_rate, global_step, decay_steps, end_learning_rate, { power: 1.0, cycle: true });
const step = tf.assign_add(global_step, 3);
const sess = tf.Session();
sess.run(tf.global_variables_initializer());
const rates = [];
for (let i = 0; i < 5; i++) {
  rates.push(sess.run(learning_rate));
  sess.run(step);
}
print(rates); // steps 0, 3, 6, 9, 12
print(learning_rate);
print(sess.graph.get_operation_by_name("PolynomialDecay/cond/Merge").type);

/* Output:
[0.1, 0.0325, 0.0325, 0.0325, 0.01]
Tensor("PolynomialDecay:0", shape=(), dtype=float32)
Merge
*/
