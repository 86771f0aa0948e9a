// "Deep MNIST for experts" (TF 1.x's tutorial), on digits drawn by this program: the playground
// cannot download MNIST, so each image is a seven-segment digit, centred as MNIST's are, of
// slightly random size, place, slant, stroke and brightness, with noise. The graph is the tutorial's: two 5×5 convolutions (32 and 64
// filters) with ReLU and 2×2 max pooling, a 1024-unit dense layer with dropout, a 10-way
// readout, softmax cross-entropy and Adam at 1e-4.
const CONV1 = 32;   // filters of the first convolution
const CONV2 = 64;   // filters of the second
const FC1 = 1024;   // units of the dense layer
const LEARNING_RATE = 1e-4;
const STEPS = 300;  // the tutorial runs 20,000 on MNIST; these digits are easier
const BATCH = 50;
const TEST_SIZE = 500;

// [1] Digit-like images: which of the seven segments each digit lights.
const SEGMENTS = ["abcdef", "bc", "abdeg", "abcdg", "bcfg", "acdfg", "acdefg", "abc", "abcdefg", "abcdfg"];
function drawDigit(digit) {
  const img = new Array(784).fill(0);
  // Centred in the image with strokes 2-3 pixels wide, as MNIST's digits are; each one a
  // little different in size, place, slant and brightness.
  const w = 9 + Math.floor(Math.random() * 4);   // width, 9..12
  const h = 16 + Math.floor(Math.random() * 4);  // height, 16..19
  const left = Math.floor((28 - w) / 2) - 2 + Math.floor(Math.random() * 4);
  const top = Math.floor((28 - h) / 2) - 2 + Math.floor(Math.random() * 4);
  const slant = (Math.random() - 0.5) * 0.3;
  const ink = 0.7 + 0.3 * Math.random();
  const thick = 2 + Math.floor(Math.random() * 2);
  const mid = Math.floor(h / 2);
  // Each segment as a line from (x0, y0) to (x1, y1) inside the digit's box.
  const lines = {a: [0, 0, w, 0], b: [w, 0, w, mid], c: [w, mid, w, h], d: [0, h, w, h], e: [0, mid, 0, h], f: [0, 0, 0, mid], g: [0, mid, w, mid]};
  for (const s of SEGMENTS[digit]) {
    const [x0, y0, x1, y1] = lines[s];
    const n = Math.max(Math.abs(x1 - x0), Math.abs(y1 - y0));
    for (let t = 0; t <= n; t++) {
      const y = y0 + ((y1 - y0) * t) / n;
      const x = x0 + ((x1 - x0) * t) / n + slant * (h / 2 - y);
      for (let dy = 0; dy < thick; dy++) {
        for (let dx = 0; dx < thick; dx++) {
          const r = Math.round(top + y) + dy;
          const c = Math.round(left + x) + dx;
          if (r >= 0 && r < 28 && c >= 0 && c < 28) img[r * 28 + c] = ink;
        }
      }
    }
  }
  return img.map((v) => Math.min(1, Math.max(0, v + (Math.random() - 0.5) * 0.2)));
}
function makeSet(n) {
  const images = [];
  const labels = [];
  for (const i of range(n)) {
    const digit = Math.floor(Math.random() * 10);
    images.push(drawDigit(digit));
    labels.push(Array.from({length: 10}, (_, j) => (j === digit ? 1 : 0)));
  }
  return [np.array(images, np.float32), np.array(labels, np.float32)];
}

// [2] The tutorial's model.
const x = tf.placeholder(tf.float32, [null, 784]);
const y_ = tf.placeholder(tf.float32, [null, 10]);
function weight_variable(shape) {
  return tf.Variable(tf.truncated_normal(shape, {stddev: 0.1}));
}
function bias_variable(shape) {
  return tf.Variable(tf.constant(0.1, {shape: shape}));
}
function conv2d(x, W) {
  return tf.nn.conv2d(x, W, {strides: [1, 1, 1, 1], padding: "SAME"});
}
function max_pool_2x2(x) {
  return tf.nn.max_pool(x, {ksize: [1, 2, 2, 1], strides: [1, 2, 2, 1], padding: "SAME"});
}
const x_image = tf.reshape(x, [-1, 28, 28, 1]);
const W_conv1 = weight_variable([5, 5, 1, CONV1]);
const b_conv1 = bias_variable([CONV1]);
const h_pool1 = max_pool_2x2(tf.nn.relu(conv2d(x_image, W_conv1) + b_conv1));
const W_conv2 = weight_variable([5, 5, CONV1, CONV2]);
const b_conv2 = bias_variable([CONV2]);
const h_pool2 = max_pool_2x2(tf.nn.relu(conv2d(h_pool1, W_conv2) + b_conv2));
const W_fc1 = weight_variable([7 * 7 * CONV2, FC1]);
const b_fc1 = bias_variable([FC1]);
const h_pool2_flat = tf.reshape(h_pool2, [-1, 7 * 7 * CONV2]);
const h_fc1 = tf.nn.relu(tf.matmul(h_pool2_flat, W_fc1) + b_fc1);
const keep_prob = tf.placeholder(tf.float32);
const h_fc1_drop = tf.nn.dropout(h_fc1, keep_prob);
const W_fc2 = weight_variable([FC1, 10]);
const b_fc2 = bias_variable([10]);
const y_conv = tf.matmul(h_fc1_drop, W_fc2) + b_fc2;

// [3] Loss, training and accuracy.
const cross_entropy = tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits({labels: y_, logits: y_conv}));
const train_step = tf.train.AdamOptimizer(LEARNING_RATE).minimize(cross_entropy);
const correct_prediction = tf.equal(tf.argmax(y_conv, 1), tf.argmax(y_, 1));
const accuracy = tf.reduce_mean(tf.cast(correct_prediction, tf.float32));

// [4] Train on fresh batches, checking the batch accuracy now and then (dropout off).
const sess = tf.Session();
sess.run(tf.global_variables_initializer());
for (const i of range(STEPS)) {
  const [images, labels] = makeSet(BATCH);
  if (i % 50 === 0) {
    const train_accuracy = sess.run(accuracy, {feed_dict: {[x]: images, [y_]: labels, [keep_prob]: 1.0}});
    print("step %d, training accuracy %g" % [i, train_accuracy]);
  }
  sess.run(train_step, {feed_dict: {[x]: images, [y_]: labels, [keep_prob]: 0.5}});
}

// [5] Accuracy on digits the network has never seen.
const [test_images, test_labels] = makeSet(TEST_SIZE);
print("test accuracy %g" % sess.run(accuracy, {feed_dict: {[x]: test_images, [y_]: test_labels, [keep_prob]: 1.0}}));
