// tf.invert_permutation and tf.broadcast_to (TF 1.15 docstrings).
const sess = tf.Session();
// tensor `x` is [3, 4, 0, 2, 1]
print(sess.run(tf.invert_permutation([3, 4, 0, 2, 1]))); // ==> [2, 4, 3, 0, 1]
const x = tf.constant([1, 2, 3]);
const y = tf.broadcast_to(x, [3, 3]);
print(sess.run(y));
// ==> [[1, 2, 3],
//      [1, 2, 3],
//      [1, 2, 3]]

/* Output:
[2 4 3 0 1]
[[1 2 3]
 [1 2 3]
 [1 2 3]]
*/
