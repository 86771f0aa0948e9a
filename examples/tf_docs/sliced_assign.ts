// Sliced assignment to a variable (TF 1.15 docstring of _SliceHelperVar, array_ops.py):
//   A = tf.Variable([[1,2,3], [4,5,6], [7,8,9]], dtype=tf.float32)
//   print(sess.run(A[:2, :2]))  # => [[1,2], [4,5]]
//   op = A[:2,:2].assign(22. * tf.ones((2, 2)))
//   print(sess.run(op))  # => [[22, 22, 3], [22, 22, 6], [7,8,9]]
// `A[:2, :2]` is written with __getitem__ and slices; `v[0]` and `v.slice(1, 3)` work directly.
const A = tf.Variable([[1, 2, 3], [4, 5, 6], [7, 8, 9]], { dtype: tf.float32 });
const sess = tf.Session();
sess.run(tf.global_variables_initializer());
print(sess.run(A.__getitem__([{ stop: 2 }, { stop: 2 }])));
const op = A.__getitem__([{ stop: 2 }, { stop: 2 }]).assign(22 * tf.ones([2, 2]));
print(op);
print(sess.run(op));
const v = tf.Variable([1, 2, 3, 4]);
sess.run(v.initializer);
sess.run(v[0].assign(10));
print(sess.run(v.slice(1, 3).assign([20, 30])));
sess.run(v[-1].assign([1, 2]));

/* Output:
[[1. 2.]
 [4. 5.]]
Tensor("strided_slice_1/_assign:0", shape=(3, 3), dtype=float32_ref)
[[22. 22.  3.]
 [22. 22.  6.]
 [ 7.  8.  9.]]
[10 20 30  4]
UnimplementedError: sliced l-value shape [] does not match r-value shape [2]. Automatic broadcasting not yet implemented.
*/
