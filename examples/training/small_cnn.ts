// A small convolutional network on MNIST-sized images: 32 random 28×28×1 images per batch,
// two 5×5 convolutions (8 and 16 filters) each followed by ReLU and 2×2 max pooling, a dense
// layer to 10 classes, softmax cross-entropy and Adam. The data is random (the playground
// has no MNIST): this measures one training step of a CNN, fed a batch and fetching the loss.
const STEPS = 20;
const x = tf.placeholder(tf.float32, [null, 28, 28, 1]);
const y = tf.placeholder(tf.float32, [null, 10]);
const W1 = tf.Variable(tf.truncated_normal([5, 5, 1, 8], {stddev: 0.1, seed: 1}));
const b1 = tf.Variable(tf.constant(0.1, {shape: [8]}));
const h1 = tf.nn.max_pool(tf.nn.relu(tf.nn.conv2d(x, W1, {strides: [1, 1, 1, 1], padding: "SAME"}) + b1), {ksize: [1, 2, 2, 1], strides: [1, 2, 2, 1], padding: "SAME"});
const W2 = tf.Variable(tf.truncated_normal([5, 5, 8, 16], {stddev: 0.1, seed: 2}));
const b2 = tf.Variable(tf.constant(0.1, {shape: [16]}));
const h2 = tf.nn.max_pool(tf.nn.relu(tf.nn.conv2d(h1, W2, {strides: [1, 1, 1, 1], padding: "SAME"}) + b2), {ksize: [1, 2, 2, 1], strides: [1, 2, 2, 1], padding: "SAME"});
const W3 = tf.Variable(tf.truncated_normal([7 * 7 * 16, 10], {stddev: 0.1, seed: 3}));
const b3 = tf.Variable(tf.constant(0.1, {shape: [10]}));
const logits = tf.matmul(tf.reshape(h2, [-1, 7 * 7 * 16]), W3) + b3;
const loss = tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits_v2({labels: y, logits: logits}));
const train_op = tf.train.AdamOptimizer(1e-3).minimize(loss);
const sess = tf.Session();
sess.run(tf.global_variables_initializer());
// Four batches, cycled: images in [0, 1), labels one-hot.
const batches = [];
for (const k of range(4)) {
  const images = np.random.rand(32, 28, 28, 1).astype(np.float32);
  const labels = [];
  for (const i of range(32)) {
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
