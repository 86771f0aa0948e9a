// tf.concat (TF 1.15 docstring, array_ops.py).
const t1 = [[1, 2, 3], [4, 5, 6]];
const t2 = [[7, 8, 9], [10, 11, 12]];
const sess = tf.Session();
print(sess.run(tf.concat([t1, t2], 0)));
print(sess.run(tf.concat([t1, t2], 1)));
// tensor t3 with shape [2, 3]
// tensor t4 with shape [2, 3]
const t3 = tf.zeros([2, 3]);
const t4 = tf.ones([2, 3]);
print(sess.run(tf.shape(tf.concat([t3, t4], 0)))); // [4, 3]
print(sess.run(tf.shape(tf.concat([t3, t4], 1)))); // [2, 6]
// As in Python, the axis may also be negative.
const t5 = [[[1, 2], [2, 3]], [[4, 4], [5, 3]]];
const t6 = [[[7, 4], [8, 4]], [[2, 10], [15, 11]]];
print(sess.run(tf.concat([t5, t6], -1)));

/* Output:
[[ 1  2  3]
 [ 4  5  6]
 [ 7  8  9]
 [10 11 12]]
[[ 1  2  3  7  8  9]
 [ 4  5  6 10 11 12]]
[4 3]
[2 6]
[[[ 1  2  7  4]
  [ 2  3  8  4]]

 [[ 4  4  2 10]
  [ 5  3 15 11]]]
*/
