// tf.nn.conv2d_transpose (TF 1.15, nn_ops.py: "This operation is sometimes called
// 'deconvolution' after Deconvolutional Networks, but is actually the transpose (gradient) of
// conv2d rather than an actual deconvolution."): a Conv2DBackpropInput node. Values checked
// against a numpy loop that spreads each input through the filter at stride 2 ("SAME"), and
// tf.layers.conv2d_transpose's shapes and variables (kernel [kh, kw, filters, in_channels]).
const x = tf.constant([[[[1.0], [2.0]], [[3.0], [4.0]]]]);
const w = tf.reshape(tf.range(1.0, 10.0), [3, 3, 1, 1]);
const y = tf.nn.conv2d_transpose(x, w, [1, 4, 4, 1], [1, 2, 2, 1], "SAME");
print(y);
const sess = tf.Session();
print(sess.run(y).reshape(4, 4));
const [dx] = tf.gradients(tf.reduce_sum(tf.square(y)), [x]);
print(sess.run(dx).reshape(2, 2));
const images = tf.placeholder(tf.float32, [null, 7, 7, 16]);
const up = tf.layers.conv2d_transpose(images, 8, 3, { strides: 2, padding: "same", activation: tf.nn.relu });
const up_valid = tf.layers.conv2d_transpose(images, 8, [3, 3], { strides: [2, 2] });
print(up);
print(up_valid);
print(tf.trainable_variables()[0]);

/* Output:
Tensor("conv2d_transpose:0", shape=(1, 4, 4, 1), dtype=float32)
[[ 1.  2.  5.  4.]
 [ 4.  5. 14. 10.]
 [10. 14. 36. 24.]
 [12. 15. 34. 20.]]
[[1302. 1126.]
 [ 946.  640.]]
Tensor("conv2d_transpose_1/Relu:0", shape=(?, 14, 14, 8), dtype=float32)
Tensor("conv2d_transpose_1_1/BiasAdd:0", shape=(?, 15, 15, 8), dtype=float32)
<tf.Variable 'conv2d_transpose/kernel:0' shape=(3, 3, 8, 16) dtype=float32_ref>
*/
