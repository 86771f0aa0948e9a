// tf.space_to_batch and tf.batch_to_space (TF 1.15 docstrings, SpaceToBatch / BatchToSpace, block_size 2):
// TF 1.15 builds them as SpaceToBatchND / BatchToSpaceND with an int64 block_shape of [2, 2].
const sess = tf.Session();
const y = tf.space_to_batch([[[[1], [2]], [[3], [4]]]], [[0, 0], [0, 0]], 2);
print(y);
print(sess.run(y).tolist());
print(y.op.inputs[1], sess.run(y.op.inputs[1]));
const x4 = [[[[1], [3]], [[9], [11]]], [[[2], [4]], [[10], [12]]], [[[5], [7]], [[13], [15]]], [[[6], [8]], [[14], [16]]]];
print(sess.run(tf.batch_to_space(x4, [[0, 0], [0, 0]], 2)).tolist());
tf.space_to_batch([[1, 2], [3, 4]], [[0, 0], [0, 0]], 2);

/* Output:
Tensor("SpaceToBatchND:0", shape=(4, 1, 1, 1), dtype=int32)
[[[[1]]], [[[2]]], [[[3]]], [[[4]]]]
Tensor("SpaceToBatchND/block_shape:0", shape=(2,), dtype=int64) [2 2]
[[[[1], [2], [3], [4]], [[5], [6], [7], [8]], [[9], [10], [11], [12]], [[13], [14], [15], [16]]]]
ValueError: Shape must be at least rank 3 but is rank 2 for 'SpaceToBatchND_1' (op: 'SpaceToBatchND') with input shapes: [2,2], [2], [2,2] and with computed input tensors: input[1] = <2 2>, input[2] = <[0 0][0 0]>.
*/
