// tf.reduce_logsumexp (TF 1.15 docstring, math_ops.py).
const x = tf.constant([[0.0, 0.0, 0.0], [0.0, 0.0, 0.0]]);
const sess = tf.Session();
print(sess.run(tf.reduce_logsumexp(x))); // log(6)
print(sess.run(tf.reduce_logsumexp(x, 0))); // [log(2), log(2), log(2)]
print(sess.run(tf.reduce_logsumexp(x, 1))); // [log(3), log(3)]
print(sess.run(tf.reduce_logsumexp(x, 1, { keepdims: true }))); // [[log(3)], [log(3)]]
print(sess.run(tf.reduce_logsumexp(x, [0, 1]))); // log(6)
print(sess.run(tf.reduce_logsumexp([1000.0, 1000.0])));

/* Output:
1.7917595
[0.6931472 0.6931472 0.6931472]
[1.0986123 1.0986123]
[[1.0986123]
 [1.0986123]]
1.7917595
1000.6932
*/
