// tf.scatter_nd (TF 1.15 docstring, array_ops): inserting individual elements, and slices.
const indices = tf.constant([[4], [3], [1], [7]]);
const updates = tf.constant([9, 10, 11, 12]);
const shape = tf.constant([8]);
const scatter = tf.scatter_nd(indices, updates, shape);
tf.Session((sess) => {
  print(sess.run(scatter));
});
const indices2 = tf.constant([[0], [2]]);
const updates2 = tf.constant([
  [[5, 5, 5, 5], [6, 6, 6, 6], [7, 7, 7, 7], [8, 8, 8, 8]],
  [[5, 5, 5, 5], [6, 6, 6, 6], [7, 7, 7, 7], [8, 8, 8, 8]],
]);
const shape2 = tf.constant([4, 4, 4]);
const scatter2 = tf.scatter_nd(indices2, updates2, shape2);
tf.Session((sess) => {
  print(sess.run(scatter2));
});

/* Output:
[ 0 11  0 10  9  0  0 12]
[[[5 5 5 5]
  [6 6 6 6]
  [7 7 7 7]
  [8 8 8 8]]

 [[0 0 0 0]
  [0 0 0 0]
  [0 0 0 0]
  [0 0 0 0]]

 [[5 5 5 5]
  [6 6 6 6]
  [7 7 7 7]
  [8 8 8 8]]

 [[0 0 0 0]
  [0 0 0 0]
  [0 0 0 0]
  [0 0 0 0]]]
*/
