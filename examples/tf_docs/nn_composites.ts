// tf.nn.xw_plus_b, tf.nn.relu_layer, tf.nn.weighted_cross_entropy_with_logits,
// tf.nn.log_poisson_loss, tf.math.log_sigmoid and tf.math.polyval (TF 1.15 nn_impl.py,
// nn_ops.py and math_ops.py, composed from other ops).
const x = tf.constant([[1.0, 2.0]]);
const W = tf.constant([[1.0, -1.0], [0.5, 2.0]]);
const b = tf.constant([0.5, -5.0]);
const sess = tf.Session();
const y = tf.nn.xw_plus_b(x, W, b);
print(y, sess.run(y));
print(sess.run(tf.nn.relu_layer(x, W, b)));
print(sess.run(tf.nn.weighted_cross_entropy_with_logits([1.0, 0.0, 1.0], [0.5, -0.5, 3.0], 2.0)));
print(sess.run(tf.nn.sigmoid_cross_entropy_with_logits({ labels: [1.0, 0.0, 1.0], logits: [0.5, -0.5, 3.0] })));
print(sess.run(tf.nn.log_poisson_loss([1.0, 2.0, 5.0], [0.0, 0.5, 1.5])));
print(sess.run(tf.nn.log_poisson_loss([1.0, 2.0, 5.0], [0.0, 0.5, 1.5], { compute_full_loss: true })));
print(sess.run(tf.math.log_sigmoid([0.0, 10.0, -10.0])));
print(sess.run(tf.math.polyval([1, 2, 3], tf.constant(2))), sess.run(tf.math.polyval([1.0, 0.0, -1.0], [0.5, 1.0, 2.0])));

/* Output:
Tensor("xw_plus_b:0", shape=(1, 2), dtype=float32) [[ 2.5 -2. ]]
[[2.5 0. ]]
[0.948154  0.474077  0.0971747]
[0.474077   0.474077   0.04858735]
[ 1.         0.6487212 -3.018311 ]
[1.        1.3005277 1.7525363]
[-6.9314718e-01 -4.5398901e-05 -1.0000046e+01]
11 [-0.75  0.    3.  ]
*/
