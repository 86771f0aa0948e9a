// tf.matmul (TF 1.15 docstring, math_ops.py): 2-D and batched 3-D.
const sess = tf.Session();
// 2-D tensor `a`
const a = tf.constant([1, 2, 3, 4, 5, 6], { shape: [2, 3] });
// 2-D tensor `b`
const b = tf.constant([7, 8, 9, 10, 11, 12], { shape: [3, 2] });
// `a` * `b`
const c = tf.matmul(a, b);
print(sess.run(c));
// 3-D tensor `a`
const a3 = tf.constant(np.arange(1, 13, { dtype: np.int32 }), { shape: [2, 2, 3] });
// 3-D tensor `b`
const b3 = tf.constant(np.arange(13, 25, { dtype: np.int32 }), { shape: [2, 3, 2] });
const c3 = tf.matmul(a3, b3);
print(sess.run(c3));

/* Output:
[[ 58  64]
 [139 154]]
[[[ 94 100]
  [229 244]]

 [[508 532]
  [697 730]]]
*/
