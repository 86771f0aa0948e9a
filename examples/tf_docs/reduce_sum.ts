// tf.reduce_sum (TF 1.15 docstring, math_ops.py).
const x = tf.constant([[1, 1, 1], [1, 1, 1]]);
const sess = tf.Session();
print(sess.run(tf.reduce_sum(x))); // 6
print(sess.run(tf.reduce_sum(x, 0))); // [2, 2, 2]
print(sess.run(tf.reduce_sum(x, 1))); // [3, 3]
print(sess.run(tf.reduce_sum(x, 1, { keepdims: true }))); // [[3], [3]]
print(sess.run(tf.reduce_sum(x, [0, 1]))); // 6

/* Output:
6
[2 2 2]
[3 3]
[[3]
 [3]]
6
*/
