// tf.case's docstring (TF 1.15), its two examples: `if (x < y) return 17; else return 23;`, then
// with exclusive=True, which fails a run where more than one predicate holds.
const x = tf.placeholder(tf.int32, [], { name: "x" });
const y = tf.constant(5);
const z = tf.constant(2);
const f1 = () => tf.constant(17);
const f2 = () => tf.constant(23);
const f3 = () => tf.constant(-1);
const r1 = tf.case([[tf.less(x, y), f1]], { default: f2 });
print(r1);
const r2 = tf.case([[tf.less(x, y), f1], [tf.greater(x, z), f2]], { default: f3, exclusive: true });
const sess = tf.Session();
print(sess.run(r1, { feed_dict: { [x]: 1 } }), sess.run(r1, { feed_dict: { [x]: 9 } }));
print(sess.run(r2, { feed_dict: { [x]: 1 } }), sess.run(r2, { feed_dict: { [x]: 9 } }));
print(sess.run(r2, { feed_dict: { [x]: 3 } }));

/* Output:
Tensor("case/cond/Merge:0", shape=(), dtype=int32)
17 23
17 23
InvalidArgumentError: assertion failed: [Input error: exclusive=True: more than 1 conditions (Less_1:0, Greater:0) evaluated as True:] [1 1]
*/
