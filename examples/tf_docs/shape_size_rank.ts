// tf.shape, tf.size and tf.rank (TF 1.15 docstrings, array_ops.py).
const t = tf.constant([[[1, 1, 1], [2, 2, 2]], [[3, 3, 3], [4, 4, 4]]]);
const sess = tf.Session();
print(sess.run(tf.shape(t))); // [2, 2, 3]
print(sess.run(tf.size(t))); // 12
print(sess.run(tf.rank(t))); // 3
print(tf.rank(t));

/* Output:
[2 2 3]
12
3
Tensor("Rank_1:0", shape=(), dtype=int32)
*/
