// tf.fill, tf.zeros_like and tf.ones_like (TF 1.15 docstrings, array_ops.py).
const sess = tf.Session();
print(sess.run(tf.fill([2, 3], 9))); // ==> [[9, 9, 9] [9, 9, 9]]
const tensor = tf.constant([[1, 2, 3], [4, 5, 6]]);
print(sess.run(tf.zeros_like(tensor))); // [[0, 0, 0], [0, 0, 0]]
print(sess.run(tf.ones_like(tensor))); // [[1, 1, 1], [1, 1, 1]]
print(sess.run(tf.zeros([3, 4], tf.int32))); // [[0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]]

/* Output:
[[9 9 9]
 [9 9 9]]
[[0 0 0]
 [0 0 0]]
[[1 1 1]
 [1 1 1]]
[[0 0 0 0]
 [0 0 0 0]
 [0 0 0 0]]
*/
