// tf.reshape (TF 1.15 docstring, array_ops).
const sess = tf.Session();
// tensor 't' is [1, 2, 3, 4, 5, 6, 7, 8, 9]
let t = tf.constant([1, 2, 3, 4, 5, 6, 7, 8, 9]);
print(sess.run(tf.reshape(t, [3, 3])));
// tensor 't' is [[[1, 1], [2, 2]], [[3, 3], [4, 4]]]
t = tf.constant([[[1, 1], [2, 2]], [[3, 3], [4, 4]]]);
print(sess.run(tf.reshape(t, [2, 4])));
// tensor 't' has shape [3, 2, 3]
t = tf.constant([
  [[1, 1, 1], [2, 2, 2]],
  [[3, 3, 3], [4, 4, 4]],
  [[5, 5, 5], [6, 6, 6]],
]);
// pass '[-1]' to flatten 't'
print(sess.run(tf.reshape(t, [-1])));
// -1 is inferred to be 9:
print(sess.run(tf.reshape(t, [2, -1])));
// -1 is inferred to be 2:
print(sess.run(tf.reshape(t, [-1, 9])));
// -1 is inferred to be 3:
print(sess.run(tf.reshape(t, [2, -1, 3])));
// tensor 't' is [7]
// shape `[]` reshapes to a scalar
print(sess.run(tf.reshape(tf.constant([7]), [])));

/* Output:
[[1 2 3]
 [4 5 6]
 [7 8 9]]
[[1 1 2 2]
 [3 3 4 4]]
[1 1 1 2 2 2 3 3 3 4 4 4 5 5 5 6 6 6]
[[1 1 1 2 2 2 3 3 3]
 [4 4 4 5 5 5 6 6 6]]
[[1 1 1 2 2 2 3 3 3]
 [4 4 4 5 5 5 6 6 6]]
[[[1 1 1]
  [2 2 2]
  [3 3 3]]

 [[4 4 4]
  [5 5 5]
  [6 6 6]]]
7
*/
