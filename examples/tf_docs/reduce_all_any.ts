// tf.reduce_all and tf.reduce_any (TF 1.15 docstrings, math_ops.py).
const x = tf.constant([[true, true], [false, false]]);
const sess = tf.Session();
print(sess.run(tf.reduce_all(x))); // False
print(sess.run(tf.reduce_all(x, 0))); // [False, False]
print(sess.run(tf.reduce_all(x, 1))); // [True, False]
print(sess.run(tf.reduce_any(x))); // True
print(sess.run(tf.reduce_any(x, 0))); // [True, True]
print(sess.run(tf.reduce_any(x, 1))); // [True, False]

/* Output:
False
[False False]
[ True False]
True
[ True  True]
[ True False]
*/
