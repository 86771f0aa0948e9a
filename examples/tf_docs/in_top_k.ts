// tf.nn.in_top_k (TF 1.15 nn_ops.py), as the classic mnist.py's evaluation counts correct
// predictions: whether each label is among the k largest logits.
const logits = tf.constant([
  [0.1, 2.5, 0.3],
  [1.2, 0.4, 0.9],
  [0.2, 0.2, 0.1],
]);
const labels = tf.constant([1, 2, 0]);
const correct = tf.nn.in_top_k(logits, labels, 1);
const sess = tf.Session();
print(sess.run(correct));
print(sess.run(tf.reduce_sum(tf.cast(correct, tf.int32))));
print(sess.run(tf.nn.in_top_k(logits, labels, 2)));
print(correct);

/* Output:
[ True False  True]
2
[ True  True  True]
Tensor("in_top_k/InTopKV2:0", shape=(3,), dtype=bool)
*/
