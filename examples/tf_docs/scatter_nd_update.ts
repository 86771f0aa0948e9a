// tf.scatter_nd_update, tf.scatter_nd_add, tf.scatter_nd_sub (TF 1.15 docstrings, state_ops.py)
// and tf.scatter_update: sparse writes into a variable, each a side effect of running the op.
const ref = tf.Variable([1, 2, 3, 4, 5, 6, 7, 8]);
const indices = tf.constant([[4], [3], [1], [7]]);
const updates = tf.constant([9, 10, 11, 12]);
const update = tf.scatter_nd_update(ref, indices, updates);
const sess = tf.Session();
sess.run(tf.global_variables_initializer());
print(sess.run(update)); // [1, 11, 3, 10, 9, 6, 7, 12]
sess.run(ref.initializer);
print(sess.run(tf.scatter_nd_add(ref, indices, updates))); // [1, 13, 3, 14, 14, 6, 7, 20]
sess.run(ref.initializer);
print(sess.run(tf.scatter_nd_sub(ref, indices, updates))); // [1, -9, 3, -6, -4, 6, 7, -4]
const v = tf.Variable([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]]);
sess.run(v.initializer);
print(sess.run(tf.scatter_update(v, [2, 0], [[10.0, 20.0], [30.0, 40.0]])));
print(sess.run(tf.scatter_add(v, [1, 1], [[1.0, 1.0], [2.0, 2.0]])));
print(update);
sess.run(tf.scatter_update(v, [3], [[0.0, 0.0]]));

/* Output:
[ 1 11  3 10  9  6  7 12]
[ 1 13  3 14 14  6  7 20]
[ 1 -9  3 -6 -4  6  7 -4]
[[30. 40.]
 [ 3.  4.]
 [10. 20.]]
[[30. 40.]
 [ 6.  7.]
 [10. 20.]]
Tensor("ScatterNdUpdate:0", shape=(8,), dtype=int32_ref)
InvalidArgumentError: indices[0] = 3 is not in [0, 3)
*/
