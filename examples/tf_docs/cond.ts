// tf.cond's docstring (TF 1.15): r is set to f1(); the ops of f2 (tf.add) are not executed.
const x = tf.constant(2);
const y = tf.constant(5);
const f1 = () => tf.multiply(x, 17);
const f2 = () => tf.add(y, 23);
const r = tf.cond(tf.less(x, y), f1, f2);
print(r);
const sess = tf.Session();
print(sess.run(r));

/* Output:
Tensor("cond/Merge:0", shape=(), dtype=int32)
34
*/
