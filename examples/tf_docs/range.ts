// tf.range (TF 1.15 docstring, math_ops.py).
const sess = tf.Session();
let start = 3;
let limit = 18;
let delta = 3;
print(sess.run(tf.range(start, limit, delta))); // [3, 6, 9, 12, 15]
print(sess.run(tf.range(3, 1, -0.5))); // [3, 2.5, 2, 1.5]
print(sess.run(tf.range(5))); // [0, 1, 2, 3, 4]

/* Output:
[ 3  6  9 12 15]
[3.  2.5 2.  1.5]
[0 1 2 3 4]
*/
