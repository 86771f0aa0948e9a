// tf.sparse.reduce_sum and tf.sparse.reduce_max (TF 1.15 docstrings, sparse_ops.py).
// 'x' represents [[1, ?, 1]
//                 [?, 1, ?]]
// where ? is implicitly-zero.
const x = tf.SparseTensor([[0, 0], [0, 2], [1, 1]], [1, 1, 1], [2, 3]);
const sess = tf.Session();
print(sess.run(tf.sparse.reduce_sum(x)));
print(sess.run(tf.sparse.reduce_sum(x, 0)));
print(sess.run(tf.sparse.reduce_sum(x, 1)));
print(sess.run(tf.sparse.reduce_sum(x, -1)));
print(sess.run(tf.sparse.reduce_sum(x, 1, { keepdims: true })));
print(sess.run(tf.sparse.reduce_sum(x, [0, 1])));
// 'm' represents [[1, ?, 2]
//                 [?, 3, ?]]
const m = tf.SparseTensor([[0, 0], [0, 2], [1, 1]], [1, 2, 3], [2, 3]);
print(sess.run(tf.sparse.reduce_max(m)));
print(sess.run(tf.sparse.reduce_max(m, 0)));
print(sess.run(tf.sparse.reduce_max(m, 1)));
print(sess.run(tf.sparse.reduce_max(m, 1, { keepdims: true })));
print(sess.run(tf.sparse.reduce_max(m, [0, 1])));
sess.run(tf.sparse.reduce_sum(x, 2));

/* Output:
3
[1 1 1]
[2 1]
[2 1]
[[2]
 [1]]
3
3
[1 3 2]
[2 3]
[[2]
 [3]]
3
InvalidArgumentError: Invalid reduction dimension 2, for input with 2 dimensions.
*/
