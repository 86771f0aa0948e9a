// tf.strided_slice (TF 1.15 docstring, array_ops.py), and the same slices written with
// Python's indexing, which TF builds as the same op.
const t = tf.constant([
  [[1, 1, 1], [2, 2, 2]],
  [[3, 3, 3], [4, 4, 4]],
  [[5, 5, 5], [6, 6, 6]],
]);
const sess = tf.Session();
print(sess.run(tf.strided_slice(t, [1, 0, 0], [2, 1, 3], [1, 1, 1]))); // [[[3, 3, 3]]]
print(sess.run(tf.strided_slice(t, [1, 0, 0], [2, 2, 3], [1, 1, 1]))); // [[[3, 3, 3], [4, 4, 4]]]
print(sess.run(tf.strided_slice(t, [1, -1, 0], [2, -3, 3], [1, -1, 1]))); // [[[4, 4, 4], [3, 3, 3]]]
// t[1] and t[1][-1]
print(t[1]);
print(sess.run(t[1][-1]));

/* Output:
[[[3 3 3]]]
[[[3 3 3]
  [4 4 4]]]
[[[4 4 4]
  [3 3 3]]]
Tensor("strided_slice:0", shape=(2, 3), dtype=int32)
[4 4 4]
*/
