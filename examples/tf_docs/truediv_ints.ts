// Python 3's `/` on int32 tensors (TF 1.15's _truediv_python3): both are cast to float64 and
// the result is a numpy float64; `//` stays an int.
const sess = tf.Session();
const q = tf.constant(4) / tf.constant(2);
print(q);
print(sess.run(q));
print(sess.run(tf.constant(7) / tf.constant(2)));
print(sess.run(tf.constant(7) / 2));
print(sess.run(tf.constant(7) % 2), sess.run(tf.constant(-7) % 2));

/* Output:
Tensor("truediv:0", shape=(), dtype=float64)
2.0
3.5
3.5
1 1
*/
