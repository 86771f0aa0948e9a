// tf.slice (TF 1.15 docstring, array_ops.py).
const t = tf.constant([
  [[1, 1, 1], [2, 2, 2]],
  [[3, 3, 3], [4, 4, 4]],
  [[5, 5, 5], [6, 6, 6]],
]);
const sess = tf.Session();
print(sess.run(tf.slice(t, [1, 0, 0], [1, 1, 3]))); // [[[3, 3, 3]]]
print(sess.run(tf.slice(t, [1, 0, 0], [1, 2, 3]))); // [[[3, 3, 3], [4, 4, 4]]]
print(sess.run(tf.slice(t, [1, 0, 0], [2, 1, 3]))); // [[[3, 3, 3]], [[5, 5, 5]]]

/* Output:
[[[3 3 3]]]
[[[3 3 3]
  [4 4 4]]]
[[[3 3 3]]

 [[5 5 5]]]
*/
