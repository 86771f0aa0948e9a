// tf.transpose (TF 1.15 docstring, array_ops.py).
const sess = tf.Session();
let x = tf.constant([[1, 2, 3], [4, 5, 6]]);
print(sess.run(tf.transpose(x)));
// Equivalently
print(sess.run(tf.transpose(x, { perm: [1, 0] })));
// 'perm' is more useful for n-dimensional tensors, for n > 2
x = tf.constant([
  [[1, 2, 3], [4, 5, 6]],
  [[7, 8, 9], [10, 11, 12]],
]);
// Take the transpose of the matrices in dimension-0
print(sess.run(tf.transpose(x, { perm: [0, 2, 1] })));

/* Output:
[[1 4]
 [2 5]
 [3 6]]
[[1 4]
 [2 5]
 [3 6]]
[[[ 1  4]
  [ 2  5]
  [ 3  6]]

 [[ 7 10]
  [ 8 11]
  [ 9 12]]]
*/
