// TensorFlow 1.x's "Getting Started" linear model (tensorflow.org, r1.x get_started).
// TF prints: W: [-0.9999969] b: [0.9999908] loss: 5.6999738e-11
// Model parameters
const W = tf.Variable([.3], {dtype: tf.float32});
const b = tf.Variable([-.3], {dtype: tf.float32});
// Model input and output
const x = tf.placeholder(tf.float32);
const linear_model = W * x + b;
const y = tf.placeholder(tf.float32);
// loss
const loss = tf.reduce_sum(tf.square(linear_model - y)); // sum of the squares
// optimizer
const optimizer = tf.train.GradientDescentOptimizer(0.01);
const train = optimizer.minimize(loss);
// training data
const x_train = [1, 2, 3, 4];
const y_train = [0, -1, -2, -3];
// training loop
const init = tf.global_variables_initializer();
const sess = tf.Session();
sess.run(init); // reset values to wrong
for (const i of range(1000)) {
  sess.run(train, {[x]: x_train, [y]: y_train});
}
// evaluate training accuracy
const [curr_W, curr_b, curr_loss] = sess.run([W, b, loss], {[x]: x_train, [y]: y_train});
print("W: %s b: %s loss: %s" % [curr_W, curr_b, curr_loss]);
