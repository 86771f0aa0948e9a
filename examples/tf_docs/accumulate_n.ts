// tf.math.accumulate_n (TF 1.15 docstring, math_ops.py): op AccumulateNV2 in graph mode.
const a = tf.constant([[1, 2], [3, 4]]);
const b = tf.constant([[5, 0], [0, 6]]);
const sess = tf.Session();
print(sess.run(tf.math.accumulate_n([a, b, a]))); // [[7, 4], [6, 14]]
// Explicitly pass shape and type
print(sess.run(tf.math.accumulate_n([a, b, a], { shape: [2, 2], tensor_dtype: tf.int32 })));
print(tf.math.accumulate_n([a, b]));
tf.math.accumulate_n([a, b], { tensor_dtype: tf.float32 });

/* Output:
[[ 7  4]
 [ 6 14]]
[[ 7  4]
 [ 6 14]]
Tensor("AccumulateNV2_2:0", shape=(2, 2), dtype=int32)
TypeError: tensor_dtype is <dtype: 'float32'>, but input is of type <dtype: 'int32'>
*/
