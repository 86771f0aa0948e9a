// tf.add_n, tf.cast and tf.round (TF 1.15 docstrings, math_ops.py).
const sess = tf.Session();
const a = tf.constant([[3, 5], [4, 8]]);
const b = tf.constant([[1, 6], [2, 9]]);
print(sess.run(tf.math.add_n([a, b, a]))); // [[7, 16], [10, 25]]
const x = tf.constant([1.8, 2.2], { dtype: tf.float32 });
print(sess.run(tf.cast(x, tf.int32))); // [1, 2]
const y = tf.constant([0.9, 2.5, 2.3, 1.5, -4.5]);
print(sess.run(tf.round(y))); // [ 1.0, 2.0, 2.0, 2.0, -4.0 ]

/* Output:
[[ 7 16]
 [10 25]]
[1 2]
[ 1.  2.  2.  2. -4.]
*/
