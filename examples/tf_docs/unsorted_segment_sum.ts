// tf.unsorted_segment_sum (TF 1.15 docstring, math_ops).
const c = tf.constant([[1, 2, 3, 4], [5, 6, 7, 8], [4, 3, 2, 1]]);
const sess = tf.Session();
print(sess.run(tf.unsorted_segment_sum(c, tf.constant([0, 1, 0]), { num_segments: 2 })));
// ==> [[ 5,  5, 5, 5],
//       [5,  6, 7, 8]]

/* Output:
[[5 5 5 5]
 [5 6 7 8]]
*/
