// tf.tensor_scatter_update / tf.tensor_scatter_add / tf.tensor_scatter_sub (TF 1.15
// docstrings of TensorScatterUpdate, TensorScatterAdd, TensorScatterSub).
const indices = tf.constant([[4], [3], [1], [7]]);
const updates = tf.constant([9, 10, 11, 12]);
const tensor = tf.ones([8], tf.int32);
const sess = tf.Session();
print(sess.run(tf.tensor_scatter_update(tensor, indices, updates))); // [1, 11, 1, 10, 9, 1, 1, 12]
print(sess.run(tf.tensor_scatter_add(tensor, indices, updates))); // [1, 12, 1, 11, 10, 1, 1, 13]
print(sess.run(tf.tensor_scatter_sub(tensor, indices, updates))); // [1, -10, 1, -9, -8, 1, 1, -11]
// Slices: whole matrices into a rank-3 tensor.
const idx = tf.constant([[0], [2]]);
const upd = tf.constant([
  [[5, 5, 5, 5], [6, 6, 6, 6], [7, 7, 7, 7], [8, 8, 8, 8]],
  [[5, 5, 5, 5], [6, 6, 6, 6], [7, 7, 7, 7], [8, 8, 8, 8]],
]);
const t = tf.ones([4, 4, 4], tf.int32);
print(sess.run(tf.tensor_scatter_nd_add(t, idx, upd))[0]);
sess.run(tf.tensor_scatter_nd_update(tensor, [[8]], [1]));

/* Output:
[ 1 11  1 10  9  1  1 12]
[ 1 12  1 11 10  1  1 13]
[  1 -10   1  -9  -8   1   1 -11]
[[6 6 6 6]
 [7 7 7 7]
 [8 8 8 8]
 [9 9 9 9]]
InvalidArgumentError: indices[0] = [8] does not index into shape [8]
*/
