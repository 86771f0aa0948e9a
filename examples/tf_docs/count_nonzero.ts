// tf.math.count_nonzero (TF 1.15 docstring, math_ops.py): int64 counts by default.
let x = tf.constant([
  [0, 1, 0],
  [1, 1, 0],
]);
const sess = tf.Session();
print(sess.run(tf.math.count_nonzero(x, 0))); // [1, 2, 0]
print(sess.run(tf.math.count_nonzero(x, 1))); // [1, 2]
print(sess.run(tf.math.count_nonzero(x, 1, { keepdims: true }))); // [[1], [2]]
print(sess.run(tf.stack([tf.math.count_nonzero(x), tf.math.count_nonzero(x, [0, 1])]))); // 3, 3
x = tf.constant(["", "a", "  ", "b", ""]);
print(sess.run(tf.stack([tf.math.count_nonzero(x)]))); // 3, with "a", "  ", and "b" as nonzero strings.
print(tf.count_nonzero(x));
print(tf.count_nonzero([0.0, 0.5], { dtype: tf.int32 }));

/* Output:
[1 2 0]
[1 2]
[[1]
 [2]]
[3 3]
[3]
Tensor("count_nonzero_6/Sum:0", shape=(), dtype=int64)
Tensor("count_nonzero_7/Cast_1:0", shape=(), dtype=int32)
*/
