// tf.unsorted_segment_max / _min / _prod / _mean / _sqrt_n (TF 1.15 math_ops.py and the
// docstrings of UnsortedSegmentMax & co.): rows combined per segment id, ids in any order.
const c = tf.constant([
  [1, 2, 3, 4],
  [5, 6, 7, 8],
  [4, 3, 2, 1],
]);
const sess = tf.Session();
print(sess.run(tf.unsorted_segment_max(c, tf.constant([0, 1, 0]), { num_segments: 2 })));
// ==> [[ 4,  3, 3, 4],
//       [5,  6, 7, 8]]
print(sess.run(tf.math.unsorted_segment_min(c, [0, 1, 0], 2)));
print(sess.run(tf.unsorted_segment_prod(c, [0, 1, 0], 2)));
print(sess.run(tf.unsorted_segment_max([1.0, 2.0], [0, 0], 2)));
const d = tf.constant([
  [1.0, 2.0],
  [3.0, 4.0],
  [5.0, 6.0],
]);
print(sess.run(tf.unsorted_segment_mean(d, [0, 1, 0], 3)));
print(sess.run(tf.math.unsorted_segment_sqrt_n(d, [0, 1, 0], 2)));

/* Output:
[[4 3 3 4]
 [5 6 7 8]]
[[1 2 2 1]
 [5 6 7 8]]
[[4 6 6 4]
 [5 6 7 8]]
[ 2.0000000e+00 -3.4028235e+38]
[[3. 4.]
 [3. 4.]
 [0. 0.]]
[[4.242641 5.656854]
 [3.       4.      ]]
*/
