// tf.math.reduce_std and tf.math.reduce_variance (TF 1.15 docstrings, math_ops.py).
const x = tf.constant([[1.0, 2.0], [3.0, 4.0]]);
const sess = tf.Session();
print(sess.run(tf.math.reduce_std(x))); // 1.1180339887498949
print(sess.run(tf.math.reduce_std(x, 0))); // [1., 1.]
print(sess.run(tf.math.reduce_std(x, 1))); // [0.5,  0.5]
print(sess.run(tf.math.reduce_variance(x))); // 1.25
print(sess.run(tf.math.reduce_variance(x, 0))); // [1., 1.]
print(sess.run(tf.math.reduce_variance(x, 1))); // [0.25,  0.25]

/* Output:
1.118034
[1. 1.]
[0.5 0.5]
1.25
[1. 1.]
[0.25 0.25]
*/
