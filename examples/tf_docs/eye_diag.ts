// tf.eye (TF 1.15 docstring, linalg_ops.py), tf.diag and tf.diag_part (docstrings of Diag and
// DiagPart), tf.linalg.diag (MatrixDiag).
const sess = tf.Session();
// Construct one identity matrix.
print(sess.run(tf.eye(2)));
// Construct a batch of 3 identity matricies, each 2 x 2.
// batch_identity[i, :, :] is a 2 x 2 identity matrix, i = 0, 1, 2.
const batch_identity = tf.eye(2, { batch_shape: [3] });
print(batch_identity.shape);
// Construct one 2 x 3 "identity" matrix
print(sess.run(tf.eye(2, { num_columns: 3 })));
// 'diagonal' is [1, 2, 3, 4]
const diagonal = tf.constant([1, 2, 3, 4]);
print(sess.run(tf.diag(diagonal)));
// 'input' is [[1, 0, 0, 0] [0, 2, 0, 0] [0, 0, 3, 0] [0, 0, 0, 4]]
print(sess.run(tf.diag_part(tf.diag(diagonal)))); // [1, 2, 3, 4]
print(sess.run(tf.linalg.diag([[1, 2, 3, 4], [5, 6, 7, 8]])));
print(tf.eye(2));

/* Output:
[[1. 0.]
 [0. 1.]]
(3, 2, 2)
[[1. 0. 0.]
 [0. 1. 0.]]
[[1 0 0 0]
 [0 2 0 0]
 [0 0 3 0]
 [0 0 0 4]]
[1 2 3 4]
[[[1 0 0 0]
  [0 2 0 0]
  [0 0 3 0]
  [0 0 0 4]]

 [[5 0 0 0]
  [0 6 0 0]
  [0 0 7 0]
  [0 0 0 8]]]
Tensor("eye_3/diag:0", shape=(2, 2), dtype=float32)
*/
