// tf.SparseTensor (TF 1.15 docstring, sparse_tensor.py): "the sparse tensor
// SparseTensor(indices=[[0, 0], [1, 2]], values=[1, 2], dense_shape=[3, 4]) represents the
// dense tensor [[1, 0, 0, 0] [0, 0, 2, 0] [0, 0, 0, 0]]"; and tf.sparse.to_dense's docstring
// (strings a, b, c at [0, 1], [0, 3], [2, 0] of a [3, 5] tensor, default value x).
const sp = tf.SparseTensor({ indices: [[0, 0], [1, 2]], values: [1, 2], dense_shape: [3, 4] });
print(sp);
const sess = tf.Session();
print(sess.run(tf.sparse.to_dense(sp)));
print(sess.run(sp));
const strings = tf.SparseTensor([[0, 1], [0, 3], [2, 0]], ["a", "b", "c"], [3, 5]);
print(sess.run(tf.sparse_tensor_to_dense(strings, "x")));
const a = tf.SparseTensor([[0, 1], [2, 0]], [2.0, 3.0], [3, 2]);
print(sess.run(tf.sparse.sparse_dense_matmul(a, [[1.0, 2.0], [3.0, 4.0]])));
print(sess.run(tf.sparse.to_dense(tf.SparseTensor([[1, 0], [0, 0]], [1, 2], [2, 2]))));

/* Output:
SparseTensor(indices=Tensor("SparseTensor/indices:0", shape=(2, 2), dtype=int64), values=Tensor("SparseTensor/values:0", shape=(2,), dtype=int32), dense_shape=Tensor("SparseTensor/dense_shape:0", shape=(2,), dtype=int64))
[[1 0 0 0]
 [0 0 2 0]
 [0 0 0 0]]
SparseTensorValue(indices=array([[0, 0],
       [1, 2]]), values=array([1, 2], dtype=int32), dense_shape=array([3, 4]))
[[b'x' b'a' b'x' b'b' b'x']
 [b'x' b'x' b'x' b'x' b'x']
 [b'c' b'x' b'x' b'x' b'x']]
[[6. 8.]
 [0. 0.]
 [3. 6.]]
InvalidArgumentError: indices[1] = [0,0] is out of order. Many sparse ops require sorted indices.
*/
