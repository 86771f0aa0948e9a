// tf.math.argmax (TF docstring): the index of the largest value, an int64 by default
// (output_type=tf.int64); output_type=tf.int32 asks for int32.
const A = tf.constant([2, 20, 30, 3, 6]);
const i = tf.math.argmax(A); // A[2] is maximum in tensor A
print(i);
const B = tf.constant([[2, 20, 30, 3, 6], [3, 11, 16, 1, 8], [14, 45, 23, 5, 27]]);
const sess = tf.Session();
print(sess.run(i));
print(sess.run(tf.math.argmax(B, 0)));
print(sess.run(tf.math.argmax(B, 1)));
print(tf.argmin(B, 1, { output_type: tf.int32 }));
print(repr(sess.run(tf.math.argmax(B, 1))));

/* Output:
Tensor("ArgMax:0", shape=(), dtype=int64)
2
[2 2 0 2 2]
[2 2 1]
Tensor("ArgMin:0", shape=(3,), dtype=int32)
array([2, 2, 1])
*/
