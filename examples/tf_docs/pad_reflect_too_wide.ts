// tf.pad in REFLECT mode needs paddings smaller than the dimension (mirror_pad_op.cc).
const t = tf.placeholder(tf.int32, [null]);
const p = tf.pad(t, [[3, 0]], "REFLECT");
print(p.shape);
const sess = tf.Session();
print(sess.run(p, { [t]: [1, 2, 3, 4] }));
sess.run(p, { [t]: [1, 2, 3] });

/* Output:
(?,)
[4 3 2 1 2 3 4]
InvalidArgumentError: paddings must be less than the dimension size: 3, 0 not less than 3
*/
