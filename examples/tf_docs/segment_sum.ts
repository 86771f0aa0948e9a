// tf.segment_sum (TF 1.15 docstring, math_ops).
const c = tf.constant([[1, 2, 3, 4], [4, 3, 2, 1], [5, 6, 7, 8]]);
const sess = tf.Session();
print(sess.run(tf.segment_sum(c, tf.constant([0, 0, 1]))));
// ==> [[5, 5, 5, 5],
//      [5, 6, 7, 8]]

/* Output:
[[5 5 5 5]
 [5 6 7 8]]
*/
