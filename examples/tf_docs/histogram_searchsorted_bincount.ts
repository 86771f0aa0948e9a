// tf.histogram_fixed_width (TF 1.15 docstring, histogram_ops.py), tf.searchsorted (array_ops.py)
// and tf.math.bincount (math_ops.py).
// Bins will be:  (-inf, 1), [1, 2), [2, 3), [3, 4), [4, inf)
const nbins = 5;
const value_range = [0.0, 5.0];
const new_values = [-1.0, 0.0, 1.5, 2.0, 5.0, 15];
const sess = tf.Session();
const hist = tf.histogram_fixed_width(new_values, value_range, { nbins: 5 });
print(sess.run(hist)); // [2, 1, 1, 0, 2]
print(hist);
const sorted_sequence = [
  [0, 3, 9, 9, 10],
  [1, 2, 3, 4, 5],
];
const values = [
  [2, 4, 9],
  [0, 2, 6],
];
print(sess.run(tf.searchsorted(sorted_sequence, values, { side: "left" }))); // [[1, 2, 2], [0, 1, 5]]
print(sess.run(tf.searchsorted(sorted_sequence, values, { side: "right" })));
print(sess.run(tf.math.bincount([1, 1, 3, 0])));
print(sess.run(tf.math.bincount([1, 1, 3], { minlength: 6 })));
print(sess.run(tf.math.bincount([1, 1, 3], { weights: [0.5, 1.0, 2.0] })));
tf.searchsorted([1, 2], [1], { side: "middle" });

/* Output:
[2 1 1 0 2]
Tensor("histogram_fixed_width:0", shape=(5,), dtype=int32)
[[1 2 2]
 [0 1 5]]
[[1 2 4]
 [0 2 5]]
[1 2 0 1]
[0 2 0 1 0 0]
[0.  1.5 0.  2. ]
ValueError: side must be either 'right' or 'left'.  Saw: middle.
*/
