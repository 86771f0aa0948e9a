// tf.unique_with_counts (TF 1.15 docstring of UniqueWithCounts).
// tensor 'x' is [1, 1, 2, 4, 4, 4, 7, 8, 8]
const x = tf.constant([1, 1, 2, 4, 4, 4, 7, 8, 8]);
const [y, idx, count] = tf.unique_with_counts(x);
const sess = tf.Session();
print(sess.run(y)); // [1, 2, 4, 7, 8]
print(sess.run(idx)); // [0, 0, 1, 2, 2, 2, 3, 4, 4]
print(sess.run(count)); // [2, 1, 3, 1, 2]
print(y, count);

/* Output:
[1 2 4 7 8]
[0 0 1 2 2 2 3 4 4]
[2 1 3 1 2]
Tensor("UniqueWithCounts:0", shape=(?,), dtype=int32) Tensor("UniqueWithCounts:2", shape=(?,), dtype=int32)
*/
