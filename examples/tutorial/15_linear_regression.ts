// build the graph
// first set up the parameters
const m = tf.get_variable("m", [], {initializer: tf.constant_initializer(0.)});
const b = tf.get_variable("b", [], {initializer: tf.constant_initializer(0.)});
const init = tf.global_variables_initializer();
// then set up the computations
const input_placeholder = tf.placeholder(tf.float32);
const output_placeholder = tf.placeholder(tf.float32);
const x = input_placeholder;
const y = output_placeholder;
const y_guess = m * x + b;
const loss = tf.square(y - y_guess);
// finally, set up the optimizer and minimization node
const optimizer = tf.train.GradientDescentOptimizer(1e-3);
const train_op = optimizer.minimize(loss);
// start the session
const sess = tf.Session();
sess.run(init);
// perform the training loop
// set up problem (Python's random.random() is Math.random() here)
const true_m = Math.random();
const true_b = Math.random();
for (const update_i of range(100000)) {
  // (1) get the input and output
  const input_data = Math.random();
  const output_data = true_m * input_data + true_b;
  // (2), (3), and (4) all take place within a single call to sess.run()!
  const [_loss, _] = sess.run([loss, train_op], {feed_dict: {[input_placeholder]: input_data, [output_placeholder]: output_data}});
  print(update_i, _loss);
}
// finally, print out the values we learned for our two variables
print("True parameters: m=%.4f, b=%.4f" % [true_m, true_b]);
print("Learned parameters: m=%.4f, b=%.4f" % sess.run([m, b]));
