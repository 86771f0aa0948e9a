// The r1 guide "Introduction" (low_level_intro): a graph of constants, a session, and feeding
// placeholders. Fetched float32 scalars print as numpy prints them.
const a = tf.constant(3.0, { dtype: tf.float32 });
const b = tf.constant(4.0); // also tf.float32 implicitly
const total = a + b;
print(a);
print(b);
print(total);
const sess = tf.Session();
print(sess.run(total));
print(sess.run([a, b, total]));
const x = tf.placeholder(tf.float32);
const y = tf.placeholder(tf.float32);
const z = x + y;
print(sess.run(z, { feed_dict: { [x]: 3, [y]: 4.5 } }));
print(sess.run(z, { feed_dict: { [x]: [1, 3], [y]: [2, 4] } }));

/* Output:
Tensor("Const:0", shape=(), dtype=float32)
Tensor("Const_1:0", shape=(), dtype=float32)
Tensor("add:0", shape=(), dtype=float32)
7.0
[3.0, 4.0, 7.0]
7.5
[3. 7.]
*/
