// tf.sequence_mask (TF 1.15 docstring, array_ops.py): the first lengths[i] positions of each
// row are True.
const sess = tf.Session();
print(sess.run(tf.sequence_mask([1, 3, 2], 5)));
//  [[True, False, False, False, False],
//   [True, True, True, False, False],
//   [True, True, False, False, False]]
print(sess.run(tf.sequence_mask([[1, 3], [2, 0]])));
//  [[[True, False, False],
//    [True, True, True]],
//   [[True, True, False],
//    [False, False, False]]]
print(sess.run(tf.sequence_mask([2, 1], 3, tf.float32)));
print(tf.sequence_mask([1, 3, 2], 5));

/* Output:
[[ True False False False False]
 [ True  True  True False False]
 [ True  True False False False]]
[[[ True False False]
  [ True  True  True]]

 [[ True  True False]
  [False False False]]]
[[1. 1. 0.]
 [1. 0. 0.]]
Tensor("SequenceMask_3/Less:0", shape=(3, 5), dtype=bool)
*/
