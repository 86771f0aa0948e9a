// Segment ids must be sorted (segment_reduction_ops.cc).
const sess = tf.Session();
print(sess.run(tf.segment_sum([1, 2, 3], [0, 2, 2])));
sess.run(tf.segment_sum([1, 2, 3], [1, 0, 1]));

/* Output:
[1 0 5]
InvalidArgumentError: segment ids are not increasing
*/
