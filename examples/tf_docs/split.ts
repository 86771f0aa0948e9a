// tf.split (TF 1.15 docstring, array_ops.py): into given sizes (op SplitV) or into equal
// parts (op Split). TF converts num_or_size_splits to a tensor first, even an integer, so
// each call also leaves a Const in the graph.
const value = tf.zeros([5, 30]);
// Split 'value' into 3 tensors with sizes [4, 15, 11] along dimension 1
const [split0, split1, split2] = tf.split(value, [4, 15, 11], 1);
print(split0);
const sess = tf.Session();
print(sess.run(tf.shape(split0))); // [5, 4]
print(sess.run(tf.shape(split1))); // [5, 15]
print(sess.run(tf.shape(split2))); // [5, 11]
// Split 'value' into 3 tensors along dimension 1
const [s0, s1, s2] = tf.split(value, { num_or_size_splits: 3, axis: 1 });
print(s0, s1.op.type, s2.shape);
print(sess.run(tf.split([1, 2, 3, 4, 5], [2, -1])));
print(tf.get_default_graph().get_operations().map((op) => op.name));
tf.split(value, 4, 1);

/* Output:
Tensor("split:0", shape=(5, 4), dtype=float32)
[5 4]
[ 5 15]
[ 5 11]
Tensor("split_1:0", shape=(5, 10), dtype=float32) Split (5, 10)
[array([1, 2], dtype=int32), array([3, 4, 5], dtype=int32)]
['zeros', 'Const', 'split/split_dim', 'split', 'Shape', 'Shape_1', 'Shape_2', 'Const_1', 'split_1/split_dim', 'split_1', 'Const_2', 'split_2/value', 'split_2/split_dim', 'split_2']
ValueError: Dimension size must be evenly divisible by 4 but is 30
*/
