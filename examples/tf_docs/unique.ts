// tf.unique (TF 1.15 docstring, array_ops): y holds the distinct values, idx where each
// element's value is in y.
// tensor 'x' is [1, 1, 2, 4, 4, 4, 7, 8, 8]
const x = tf.constant([1, 1, 2, 4, 4, 4, 7, 8, 8]);
const [y, idx] = tf.unique(x);
const sess = tf.Session();
print(sess.run(y)); // y ==> [1, 2, 4, 7, 8]
print(sess.run(idx)); // idx ==> [0, 0, 1, 2, 2, 2, 3, 4, 4]

/* Output:
[1 2 4 7 8]
[0 0 1 2 2 2 3 4 4]
*/
