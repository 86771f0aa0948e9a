// Softmax regression on MNIST-sized batches: 128 inputs of 784 features, 10 classes.
// The data is random (the playground has no MNIST): this measures one training step of a
// dense layer, fed a fresh batch and fetching the loss each step.
const STEPS = 200;
const x = tf.placeholder(tf.float32, [null, 784]);
const y = tf.placeholder(tf.float32, [null, 10]);
const W = tf.Variable(tf.zeros([784, 10]));
const b = tf.Variable(tf.zeros([10]));
const logits = tf.matmul(x, W) + b;
const loss = tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits_v2({labels: y, logits: logits}));
const train_op = tf.train.GradientDescentOptimizer(0.5).minimize(loss);
const sess = tf.Session();
sess.run(tf.global_variables_initializer());
// Four batches, cycled: images in [0, 1), labels one-hot.
const batches = [];
for (const k of range(4)) {
  const images = np.random.rand(128, 784).astype(np.float32);
  const labels = [];
  for (const i of range(128)) {
    const c = Math.floor(Math.random() * 10);
    labels.push(Array.from({length: 10}, (_, j) => (j === c ? 1 : 0)));
  }
  batches.push([images, labels]);
}
let last = 0;
for (const step of range(STEPS)) {
  const [images, labels] = batches[step % 4];
  const [_loss, _] = sess.run([loss, train_op], {feed_dict: {[x]: images, [y]: labels}});
  last = _loss;
}
print("loss after %d steps: %.4f" % [STEPS, last]);
