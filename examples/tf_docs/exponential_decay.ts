// tf.train.exponential_decay (TF 1.15 docstring, learning_rate_decay.py) and the other
// schedules: each is a tensor of the global step, so the rate changes as training runs.
const global_step = tf.Variable(0, { trainable: false });
const starter_learning_rate = 0.1;
const learning_rate = tf.train.exponential_decay(starter_learning_rate, global_step, 2, 0.5, { staircase: true });
const smooth = tf.train.exponential_decay(starter_learning_rate, global_step, 2, 0.5);
const increment = tf.assign_add(global_step, 1);
const sess = tf.Session();
sess.run(tf.global_variables_initializer());
const rates = [];
for (let i = 0; i < 5; i++) {
  rates.push(sess.run(tf.stack([learning_rate, smooth])));
  sess.run(increment);
}
print(tf.stack(rates.map((r) => tf.constant(r))).eval({ session: sess }));
print(learning_rate);
const lrs = [
  tf.train.natural_exp_decay(0.1, global_step, 1, 0.5),
  tf.train.inverse_time_decay(0.1, global_step, 1, 0.5),
  tf.train.polynomial_decay(0.1, global_step, 10, 0.01),
  tf.train.cosine_decay(0.1, global_step, 10),
];
print(sess.run(tf.stack(lrs))); // at global_step 5
tf.train.exponential_decay(0.1, null, 2, 0.5);

/* Output:
[[0.1        0.1       ]
 [0.1        0.07071068]
 [0.05       0.05      ]
 [0.05       0.03535534]
 [0.025      0.025     ]]
Tensor("ExponentialDecay:0", shape=(), dtype=float32)
[0.0082085  0.02857143 0.055      0.05      ]
ValueError: global_step is required for exponential_decay.
*/
