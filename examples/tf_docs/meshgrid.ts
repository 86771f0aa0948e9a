// tf.meshgrid (TF 1.15 docstring, array_ops.py).
const x = [1, 2, 3];
const y = [4, 5, 6];
const [X, Y] = tf.meshgrid(x, y);
const sess = tf.Session();
print(sess.run(X));
// X = [[1, 2, 3],
//      [1, 2, 3],
//      [1, 2, 3]]
print(sess.run(Y));
// Y = [[4, 4, 4],
//      [5, 5, 5],
//      [6, 6, 6]]
const [I, J] = tf.meshgrid([1, 2], [3, 4, 5], { indexing: "ij" });
print(sess.run(I), I.shape, J.shape);

/* Output:
[[1 2 3]
 [1 2 3]
 [1 2 3]]
[[4 4 4]
 [5 5 5]
 [6 6 6]]
[[1 1 1]
 [2 2 2]] (2, 3) (2, 3)
*/
