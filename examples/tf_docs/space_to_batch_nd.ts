// tf.space_to_batch_nd (TF 1.15 docstring, SpaceToBatchND's four examples): each output's shape, then its
// value as the docstring writes it (a nested list: .tolist()).
const sess = tf.Session();
const show = (x: unknown, paddings: number[][]) => {
  const y = tf.space_to_batch_nd(x, [2, 2], paddings);
  print(y.shape);
  print(sess.run(y).tolist());
};
show([[[[1], [2]], [[3], [4]]]], [[0, 0], [0, 0]]);
show([[[[1, 2, 3], [4, 5, 6]], [[7, 8, 9], [10, 11, 12]]]], [[0, 0], [0, 0]]);
show([[[[1], [2], [3], [4]], [[5], [6], [7], [8]], [[9], [10], [11], [12]], [[13], [14], [15], [16]]]], [[0, 0], [0, 0]]);
show([[[[1], [2], [3], [4]], [[5], [6], [7], [8]]], [[[9], [10], [11], [12]], [[13], [14], [15], [16]]]], [[0, 0], [2, 0]]);
// A padded size the block does not divide fails while building (TF's shape function).
tf.space_to_batch_nd(tf.zeros([1, 3, 4, 1]), [2, 2], [[0, 0], [0, 0]]);

/* Output:
(4, 1, 1, 1)
[[[[1]]], [[[2]]], [[[3]]], [[[4]]]]
(4, 1, 1, 3)
[[[[1, 2, 3]]], [[[4, 5, 6]]], [[[7, 8, 9]]], [[[10, 11, 12]]]]
(4, 2, 2, 1)
[[[[1], [3]], [[9], [11]]], [[[2], [4]], [[10], [12]]], [[[5], [7]], [[13], [15]]], [[[6], [8]], [[14], [16]]]]
(8, 1, 3, 1)
[[[[0], [1], [3]]], [[[0], [9], [11]]], [[[0], [2], [4]]], [[[0], [10], [12]]], [[[0], [5], [7]]], [[[0], [13], [15]]], [[[0], [6], [8]]], [[[0], [14], [16]]]]
ValueError: Dimension size must be evenly divisible by 2 but is 3 for 'SpaceToBatchND_4' (op: 'SpaceToBatchND') with input shapes: [1,3,4,1], [2], [2,2] and with computed input tensors: input[1] = <2 2>, input[2] = <[0 0][0 0]>.
*/
