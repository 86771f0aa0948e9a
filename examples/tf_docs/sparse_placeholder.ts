// tf.sparse.placeholder (TF 1.15 docstring, array_ops.py): it must be fed, with a SparseTensorValue,
// an (indices, values, shape) triple, or a SparseTensorValue fetched from a session.
const x = tf.sparse.placeholder(tf.float32);
const y = tf.sparse.reduce_sum(x);
const sess = tf.Session();
const indices = [[3, 2, 0], [4, 5, 1]];
const values = [1.0, 2.0];
const shape = [7, 9, 2];
print(sess.run(y, { feed_dict: { [x]: new tf.SparseTensorValue(indices, values, shape) } }));
print(sess.run(y, { feed_dict: { [x]: [indices, values, shape] } }));
const sp = tf.SparseTensor({ indices: indices, values: values, dense_shape: shape });
const sp_value = sess.run(sp);
print(sess.run(y, { feed_dict: { [x]: sp_value } }));
print(x.values, x.indices, x.dense_shape);
sess.run(y);

/* Output:
3.0
3.0
3.0
Tensor("Placeholder_1:0", shape=(?,), dtype=float32) Tensor("Placeholder_2:0", shape=(?, ?), dtype=int64) Tensor("Placeholder:0", shape=(?,), dtype=int64)
InvalidArgumentError: You must feed a value for placeholder tensor 'Placeholder' with dtype int64 and shape [?]
*/
