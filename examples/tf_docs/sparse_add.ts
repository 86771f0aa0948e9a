// tf.sparse.add (TF 1.15 docstring, sparse_ops.py): the threshold example. Both operands hold
// values at the same five indices, so every sum is thresholded: the logical sum is
//   [       2]
//   [.1     0]
//   [ 6   -.2]
// and thresh 0 keeps all five pairs, 0.11 drops .1 and 0, 0.21 also drops -.2.
const indices = [[0, 1], [1, 0], [1, 1], [2, 0], [2, 1]];
const half = tf.SparseTensor(indices, tf.constant([1, 0.05, 0, 3, -0.1]), [3, 2]);
const sess = tf.Session();
for (const thresh of [0, 0.11, 0.21]) {
  const sum = tf.sparse.add(half, half, thresh);
  print(sess.run(sum.values));
}
// A SparseTensor plus a dense tensor is dense (SparseTensorDenseAdd).
print(sess.run(tf.sparse.add(half, tf.ones([3, 2]))));
// Two sparse operands must have the same dense shape: checked when run, or while building when
// both shapes are known.
const other = tf.placeholder(tf.int64, [2]);
try {
  sess.run(tf.sparse.add(half, tf.SparseTensor([[0, 0]], [1.0], other)).values, { feed_dict: { [other.name]: [2, 2] } });
} catch (e) {
  print(String(e).split("\n")[0]);
}
tf.sparse.add(half, tf.SparseTensor([[0, 0]], [1.0], [2, 2]));

/* Output:
[ 2.   0.1  0.   6.  -0.2]
[ 2.   6.  -0.2]
[2. 6.]
[[1.   2.  ]
 [1.05 1.  ]
 [4.   0.9 ]]
InvalidArgumentError: Operands' shapes do not match: got 3 and 2 for dimension 0
ValueError: Shapes (3, 2) and (2, 2) are incompatible
*/
