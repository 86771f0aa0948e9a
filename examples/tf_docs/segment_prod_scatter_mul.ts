// tf.segment_prod (TF 1.15 docstring of SegmentProd) and tf.scatter_mul / scatter_div /
// scatter_min / scatter_max on a variable.
const c = tf.constant([
  [1, 2, 3, 4],
  [4, 3, 2, 1],
  [5, 6, 7, 8],
]);
const sess = tf.Session();
print(sess.run(tf.segment_prod(c, tf.constant([0, 0, 1]))));
// ==> [[4, 6, 6, 4],
//      [5, 6, 7, 8]]
print(sess.run(tf.math.segment_prod([2.0, 3.0, 4.0], [0, 0, 2])));
const v = tf.Variable([10, 20, 30]);
sess.run(v.initializer);
print(sess.run(tf.scatter_mul(v, [0, 2], [2, 3])));
print(sess.run(tf.scatter_div(v, [0, 1], [3, 7])));
print(sess.run(tf.scatter_min(v, [1, 2], [1, 100])));
print(sess.run(tf.scatter_max(v, [0, 1], [5, 50])));
const x = tf.constant([2.0, 3.0]);
tf.gradients(tf.reduce_sum(tf.segment_prod(x, [0, 0])), [x]); // TF 1.15 registers no gradient

/* Output:
[[4 6 6 4]
 [5 6 7 8]]
[6. 1. 4.]
[20 20 90]
[ 6  2 90]
[ 6  1 90]
[ 6 50 90]
LookupError: No gradient defined for operation 'SegmentProd_2' (op type: SegmentProd)
*/
