// tf.squeeze and tf.expand_dims (TF 1.15 docstrings, array_ops.py): the shapes they give.
const sess = tf.Session();
// 't' is a tensor of shape [1, 2, 1, 3, 1, 1]
const t = tf.zeros([1, 2, 1, 3, 1, 1]);
print(sess.run(tf.shape(tf.squeeze(t)))); // [2, 3]
print(sess.run(tf.shape(tf.squeeze(t, [2, 4])))); // [1, 2, 3, 1]
// 't' is a tensor of shape [2]
const t1 = tf.zeros([2]);
print(sess.run(tf.shape(tf.expand_dims(t1, 0)))); // [1, 2]
print(sess.run(tf.shape(tf.expand_dims(t1, 1)))); // [2, 1]
print(sess.run(tf.shape(tf.expand_dims(t1, -1)))); // [2, 1]
// 't2' is a tensor of shape [2, 3, 5]
const t2 = tf.zeros([2, 3, 5]);
print(sess.run(tf.shape(tf.expand_dims(t2, 0)))); // [1, 2, 3, 5]
print(sess.run(tf.shape(tf.expand_dims(t2, 2)))); // [2, 3, 1, 5]
print(sess.run(tf.shape(tf.expand_dims(t2, 3)))); // [2, 3, 5, 1]

/* Output:
[2 3]
[1 2 3 1]
[1 2]
[2 1]
[2 1]
[1 2 3 5]
[2 3 1 5]
[2 3 5 1]
*/
