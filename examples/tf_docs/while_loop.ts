// tf.while_loop's docstring (TF 1.15): the loop's condition and body are built once; the run
// goes round ten times.
const i = tf.constant(0);
const c = (i) => tf.less(i, 10);
const b = (i) => tf.add(i, 1);
const r = tf.while_loop(c, b, [i]);
print(r);
const sess = tf.Session();
print(sess.run(r));

/* Output:
Tensor("while/Exit:0", shape=(), dtype=int32)
10
*/
