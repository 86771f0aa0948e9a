// tf.linalg.matrix_transpose and tf.linalg.matvec (TF 1.15 docstrings, array_ops.py and
// math_ops.py).
const sess = tf.Session();
let x = tf.ones([1, 2, 3, 4]);
print(tf.linalg.matrix_transpose(x).shape); // shape [1, 2, 4, 3]
x = tf.constant([[1, 2, 3], [4, 5, 6]]);
print(sess.run(tf.linalg.matrix_transpose(x))); // [[1, 4], [2, 5], [3, 6]]
// 2-D tensor `a`
// [[1, 2, 3],
//  [4, 5, 6]]
const a = tf.constant([1, 2, 3, 4, 5, 6], { shape: [2, 3] });
// 1-D tensor `b`
// [7, 9, 11]
const b = tf.constant([7, 9, 11], { shape: [3] });
// `a` * `b`
const c = tf.linalg.matvec(a, b);
print(sess.run(c));
print(c);
tf.linalg.matrix_transpose([1, 2]);

/* Output:
(1, 2, 4, 3)
[[1 4]
 [2 5]
 [3 6]]
[ 58 139]
Tensor("MatVec/Squeeze:0", shape=(2,), dtype=int32)
ValueError: Argument 'a' should be a (batch) matrix, with rank >= 2.  Found: (2,)
*/
