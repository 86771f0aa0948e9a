// tf.setdiff1d (TF 1.15 docstring, array_ops).
const x = [1, 2, 3, 4, 5, 6];
const y = [1, 3, 5];
const [out, idx] = tf.setdiff1d(x, y);
const sess = tf.Session();
print(sess.run(out)); // out ==> [2, 4, 6]
print(sess.run(idx)); // idx ==> [1, 3, 5]

/* Output:
[2 4 6]
[1 3 5]
*/
