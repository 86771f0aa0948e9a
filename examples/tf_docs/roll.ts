// tf.roll (TF 1.15 docstring, manip_ops.py): elements shifted along axes, wrapping around.
const sess = tf.Session();
// 't' is [0, 1, 2, 3, 4]
print(sess.run(tf.roll([0, 1, 2, 3, 4], { shift: 2, axis: 0 }))); // [3, 4, 0, 1, 2]
// shifting along multiple dimensions
const t = tf.constant([[0, 1, 2, 3, 4], [5, 6, 7, 8, 9]]);
print(sess.run(tf.roll(t, { shift: [1, -2], axis: [0, 1] }))); // [[7, 8, 9, 5, 6], [2, 3, 4, 0, 1]]
// shifting along the same axis multiple times
print(sess.run(tf.roll(t, { shift: [2, -3], axis: [1, 1] }))); // [[1, 2, 3, 4, 0], [6, 7, 8, 9, 5]]
sess.run(tf.roll(t, { shift: [1, 2], axis: [0] }));

/* Output:
[3 4 0 1 2]
[[7 8 9 5 6]
 [2 3 4 0 1]]
[[1 2 3 4 0]
 [6 7 8 9 5]]
ValueError: Dimension 0 in both shapes must be equal, but are 2 and 1. Shapes are [2] and [1]. for 'Roll_3' (op: 'Roll') with input shapes: [2,5], [2], [1].
*/
