// tf.segment_min (TF 1.15 docstring, math_ops).
const c = tf.constant([[1, 2, 3, 4], [4, 3, 2, 1], [5, 6, 7, 8]]);
const sess = tf.Session();
print(sess.run(tf.segment_min(c, tf.constant([0, 0, 1]))));
// ==> [[1, 2, 2, 1],
//      [5, 6, 7, 8]]

/* Output:
[[1 2 2 1]
 [5 6 7 8]]
*/
