// tf.one_hot (TF 1.15 docstring, array_ops.py).
const sess = tf.Session();
let indices = [0, 1, 2];
let depth = 3;
print(sess.run(tf.one_hot(indices, depth))); // output: [3 x 3]
indices = [0, 2, -1, 1];
print(sess.run(tf.one_hot(indices, depth, { on_value: 5.0, off_value: 0.0, axis: -1 }))); // output: [4 x 3]
const indices2 = [[0, 2], [1, -1]];
print(sess.run(tf.one_hot(indices2, depth, { on_value: 1.0, off_value: 0.0, axis: -1 }))); // output: [2 x 2 x 3]

/* Output:
[[1. 0. 0.]
 [0. 1. 0.]
 [0. 0. 1.]]
[[5. 0. 0.]
 [0. 0. 5.]
 [0. 0. 0.]
 [0. 5. 0.]]
[[[1. 0. 0.]
  [0. 0. 1.]]

 [[0. 1. 0.]
  [0. 0. 0.]]]
*/
