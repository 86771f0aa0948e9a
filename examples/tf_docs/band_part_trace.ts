// tf.linalg.band_part (TF 1.15 docstring of MatrixBandPart) and tf.linalg.trace (math_ops.py).
const input = tf.constant([
  [0, 1, 2, 3],
  [-1, 0, 1, 2],
  [-2, -1, 0, 1],
  [-3, -2, -1, 0],
]);
const sess = tf.Session();
print(sess.run(tf.linalg.band_part(input, 1, -1)));
print(sess.run(tf.matrix_band_part(input, 2, 1)));
print(sess.run(tf.linalg.band_part(input, 0, -1))); // Upper triangular part.
print(sess.run(tf.linalg.band_part(input, -1, 0))); // Lower triangular part.
print(sess.run(tf.linalg.band_part(input, 0, 0))); // Diagonal.
let x = tf.constant([[1, 2], [3, 4]]);
print(sess.run(tf.linalg.trace(x))); // 5
x = tf.constant([[1, 2, 3], [4, 5, 6], [7, 8, 9]]);
print(sess.run(tf.linalg.trace(x))); // 15
x = tf.constant([[[1, 2, 3], [4, 5, 6], [7, 8, 9]], [[-1, -2, -3], [-4, -5, -6], [-7, -8, -9]]]);
print(sess.run(tf.trace(x))); // [15, -15]

/* Output:
[[ 0  1  2  3]
 [-1  0  1  2]
 [ 0 -1  0  1]
 [ 0  0 -1  0]]
[[ 0  1  0  0]
 [-1  0  1  0]
 [-2 -1  0  1]
 [ 0 -2 -1  0]]
[[0 1 2 3]
 [0 0 1 2]
 [0 0 0 1]
 [0 0 0 0]]
[[ 0  0  0  0]
 [-1  0  0  0]
 [-2 -1  0  0]
 [-3 -2 -1  0]]
[[0 0 0 0]
 [0 0 0 0]
 [0 0 0 0]
 [0 0 0 0]]
5
15
[ 15 -15]
*/
