// tf.sort (TF 1.15 docstring, sort_ops.py).
const a = [1, 10, 26.7, 2.8, 6.7, 0];
const b = tf.sort(a, { axis: -1, direction: "ASCENDING", name: null });
const sess = tf.Session();
const c = sess.run(b);
print(c); // Here, c = [  0.   1.   2.8   6.7  10.  26.7]
print(sess.run(tf.sort([[3, 1, 2], [6, 5, 4]], { direction: "DESCENDING" })));

/* Output:
[ 0.   1.   2.8  6.7 10.  26.7]
[[3 2 1]
 [6 5 4]]
*/
