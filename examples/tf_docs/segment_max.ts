// tf.segment_max (TF 1.15 docstring, math_ops).
const c = tf.constant([[1, 2, 3, 4], [4, 3, 2, 1], [5, 6, 7, 8]]);
const sess = tf.Session();
print(sess.run(tf.segment_max(c, tf.constant([0, 0, 1]))));
// ==> [[4, 3, 3, 4],
//      [5, 6, 7, 8]]

/* Output:
[[4 3 3 4]
 [5 6 7 8]]
*/
