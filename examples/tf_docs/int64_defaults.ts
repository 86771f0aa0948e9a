// Where TF 1.x makes int64 on its own: tf.where(condition)'s coordinates, tf.shape's
// out_type=tf.int64, tf.range of an int64 limit, and the global step (tf.train docs).
const cond = tf.constant([[true, false], [false, true]]);
const w = tf.where(cond);
print(w);
const sess = tf.Session();
print(sess.run(w));
print(tf.shape(cond, { out_type: tf.int64 }));
const r = tf.range(tf.constant(3, { dtype: tf.int64 }));
print(r);
print(sess.run(r));
const global_step = tf.train.get_or_create_global_step();
print(global_step);
sess.run(tf.global_variables_initializer());
print(sess.run(tf.assign_add(global_step, 1)));

/* Output:
Tensor("Where:0", shape=(?, 2), dtype=int64)
[[0 0]
 [1 1]]
Tensor("Shape:0", shape=(2,), dtype=int64)
Tensor("range:0", shape=(3,), dtype=int64)
[0 1 2]
<tf.Variable 'global_step:0' shape=() dtype=int64_ref>
1
*/
