// tf.reduce_mean (TF 1.15 docstring, math_ops.py), including its note on integer inputs.
const x = tf.constant([[1.0, 1.0], [2.0, 2.0]]);
const sess = tf.Session();
print(sess.run(tf.reduce_mean(x))); // 1.5
print(sess.run(tf.reduce_mean(x, 0))); // [1.5, 1.5]
print(sess.run(tf.reduce_mean(x, 1))); // [1.,  2.]
const y = tf.constant([1, 0, 1, 0]);
print(sess.run(tf.reduce_mean(y))); // 0

/* Output:
1.5
[1.5 1.5]
[1. 2.]
0
*/
