// tf.stack (TF 1.15 docstring, array_ops.py).
const x = tf.constant([1, 4]);
const y = tf.constant([2, 5]);
const z = tf.constant([3, 6]);
const sess = tf.Session();
print(sess.run(tf.stack([x, y, z]))); // [[1, 4], [2, 5], [3, 6]] (Pack along first dim.)
print(sess.run(tf.stack([x, y, z], { axis: 1 }))); // [[1, 2, 3], [4, 5, 6]]

/* Output:
[[1 4]
 [2 5]
 [3 6]]
[[1 2 3]
 [4 5 6]]
*/
