// tf.argsort (TF 1.15 docstring, sort_ops.py). The docstring's comment gives [0 3 1 2 5 4],
// which is not what TF computes: TF (like numpy's argsort) returns [5 0 3 4 1 2].
const a = [1, 10, 26.7, 2.8, 6.7, 0];
const b = tf.argsort(a, { axis: -1, direction: "ASCENDING", stable: false, name: null });
const sess = tf.Session();
print(sess.run(b));
print(sess.run(tf.argsort([3, 1, 3, 1], { direction: "DESCENDING" })));

/* Output:
[5 0 3 4 1 2]
[0 2 1 3]
*/
