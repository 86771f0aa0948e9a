// tf.gather_nd (TF 1.15 docstring, array_ops.py): simple, slice, 3-D and batched indexing.
const sess = tf.Session();
print(sess.run(tf.gather_nd([["a", "b"], ["c", "d"]], [[0, 0], [1, 1]])));
print(sess.run(tf.gather_nd([["a", "b"], ["c", "d"]], [[1], [0]])));
const params3 = [
  [["a0", "b0"], ["c0", "d0"]],
  [["a1", "b1"], ["c1", "d1"]],
];
print(sess.run(tf.gather_nd(params3, [[1]])));
print(sess.run(tf.gather_nd(params3, [[0, 1], [1, 0]])));
print(sess.run(tf.gather_nd(params3, [[0, 0, 1], [1, 0, 1]])));
print(sess.run(tf.gather_nd([["a", "b"], ["c", "d"]], [[[0, 0]], [[0, 1]]])));
sess.run(tf.gather_nd([[1, 2], [3, 4]], [[0, 2]]));

/* Output:
[b'a' b'd']
[[b'c' b'd']
 [b'a' b'b']]
[[[b'a1' b'b1']
  [b'c1' b'd1']]]
[[b'c0' b'd0']
 [b'a1' b'b1']]
[b'b0' b'b1']
[[b'a']
 [b'b']]
InvalidArgumentError: indices[0] = [0, 2] does not index into param shape [2,2]
*/
