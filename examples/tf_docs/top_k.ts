// tf.nn.top_k (TF 1.15 nn_ops.py): the k largest entries of each row and their indices,
// returned as the pair TopKV2(values, indices).
const x = tf.constant([[1.0, 4.0, 2.0, 3.0], [8.0, 5.0, 7.0, 6.0]]);
const [values, indices] = tf.nn.top_k(x, 2);
print(values);
print(indices);
const sess = tf.Session();
print(sess.run(values));
print(sess.run(indices));
print(sess.run(tf.math.top_k([5, 1, 5, 3]).indices));
// A namedtuple prints as one, and sess.run gives back the same namedtuple (TF's fetch mapper).
const pair = tf.nn.top_k([1.0, 3.0, 2.0], 2);
print(pair);
print(sess.run(pair));
tf.nn.top_k([1, 2, 3], 4);

/* Output:
Tensor("TopKV2:0", shape=(2, 2), dtype=float32)
Tensor("TopKV2:1", shape=(2, 2), dtype=int32)
[[4. 3.]
 [8. 7.]]
[[1 3]
 [0 2]]
[0]
TopKV2(values=<tf.Tensor 'TopKV2_2:0' shape=(2,) dtype=float32>, indices=<tf.Tensor 'TopKV2_2:1' shape=(2,) dtype=int32>)
TopKV2(values=array([3., 2.], dtype=float32), indices=array([1, 2], dtype=int32))
ValueError: input must have last dimension >= k = 4 but is 3 for 'TopKV2_3' (op: 'TopKV2') with input shapes: [3], [] and with computed input tensors: input[1] = <4>.
*/
