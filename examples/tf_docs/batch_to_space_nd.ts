// tf.batch_to_space_nd (TF 1.15 docstring, BatchToSpaceND's four examples): each output's shape, then its
// value as the docstring writes it (a nested list: .tolist()).
const sess = tf.Session();
const show = (x: unknown, crops: number[][]) => {
  const y = tf.batch_to_space_nd(x, [2, 2], crops);
  print(y.shape);
  print(sess.run(y).tolist());
};
show([[[[1]]], [[[2]]], [[[3]]], [[[4]]]], [[0, 0], [0, 0]]);
show([[[[1, 2, 3]]], [[[4, 5, 6]]], [[[7, 8, 9]]], [[[10, 11, 12]]]], [[0, 0], [0, 0]]);
show([[[[1], [3]], [[9], [11]]], [[[2], [4]], [[10], [12]]], [[[5], [7]], [[13], [15]]], [[[6], [8]], [[14], [16]]]], [[0, 0], [0, 0]]);
show([[[[0], [1], [3]]], [[[0], [9], [11]]], [[[0], [2], [4]]], [[[0], [10], [12]]], [[[0], [5], [7]]], [[[0], [13], [15]]], [[[0], [6], [8]]], [[[0], [14], [16]]]], [[0, 0], [2, 0]]);
// A batch the blocks do not divide fails when run (the batch is fed: unknown while building).
const x = tf.placeholder(tf.float32, [null, 1, 1, 1]);
sess.run(tf.batch_to_space_nd(x, [2, 2], [[0, 0], [0, 0]]), { [x.name]: [[[[1]]], [[[2]]], [[[3]]]] });

/* Output:
(1, 2, 2, 1)
[[[[1], [2]], [[3], [4]]]]
(1, 2, 2, 3)
[[[[1, 2, 3], [4, 5, 6]], [[7, 8, 9], [10, 11, 12]]]]
(1, 4, 4, 1)
[[[[1], [2], [3], [4]], [[5], [6], [7], [8]], [[9], [10], [11], [12]], [[13], [14], [15], [16]]]]
(2, 2, 4, 1)
[[[[1], [2], [3], [4]], [[5], [6], [7], [8]]], [[[9], [10], [11], [12]], [[13], [14], [15], [16]]]]
InvalidArgumentError: Input batch dimension (3) is not divisible by product of block sizes (4)
*/
