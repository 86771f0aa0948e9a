// tf.pad (TF 1.15 docstring, array_ops.py): CONSTANT, REFLECT and SYMMETRIC padding.
const t = tf.constant([[1, 2, 3], [4, 5, 6]]);
const paddings = tf.constant([[1, 1], [2, 2]]);
const sess = tf.Session();
// 'constant_values' is 0.
// rank of 't' is 2.
print(sess.run(tf.pad(t, paddings, "CONSTANT")));
print(sess.run(tf.pad(t, paddings, "REFLECT")));
print(sess.run(tf.pad(t, paddings, "SYMMETRIC")));

/* Output:
[[0 0 0 0 0 0 0]
 [0 0 1 2 3 0 0]
 [0 0 4 5 6 0 0]
 [0 0 0 0 0 0 0]]
[[6 5 4 5 6 5 4]
 [3 2 1 2 3 2 1]
 [6 5 4 5 6 5 4]
 [3 2 1 2 3 2 1]]
[[2 1 1 2 3 3 2]
 [2 1 1 2 3 3 2]
 [5 4 4 5 6 6 5]
 [5 4 4 5 6 6 5]]
*/
