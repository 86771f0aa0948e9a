// tf.norm (TF 1.15, linalg_ops.py): vector norms (euclidean, 1, inf, p) and the Frobenius
// and 1-norms of matrices.
const sess = tf.Session();
const v = tf.constant([3.0, -4.0]);
// The euclidean norm 5, the 1-norm 7, the max-norm 4 and the 3-norm of v, side by side.
print(sess.run(tf.stack([tf.norm(v), tf.norm(v, { ord: 1 }), tf.norm(v, { ord: Infinity }), tf.norm(v, { ord: 3 })])));
const m = tf.constant([[1.0, 2.0], [3.0, 4.0]]);
print(sess.run(tf.norm(m, { axis: 1 })));
print(sess.run(tf.stack([tf.norm(m, { ord: "fro", axis: [0, 1] }), tf.norm(m, { ord: 1, axis: [0, 1] })])));
print(sess.run(tf.norm(m, { axis: 0, keepdims: true })));
print(tf.norm(m));
tf.norm(m, { ord: 0 });

/* Output:
[5.        7.        4.        4.4979415]
[2.236068 5.      ]
[5.477226 6.      ]
[[3.1622777 4.472136 ]]
Tensor("norm_8/Squeeze:0", shape=(), dtype=float32)
ValueError: 'ord' must be a supported vector norm, got 0
*/
