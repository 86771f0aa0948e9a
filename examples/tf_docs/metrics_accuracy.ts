// tf.metrics.accuracy: update_op adds a batch to the running counts and returns the
// accuracy so far; the accuracy tensor only reads it.
const labels = tf.placeholder(tf.int32, [null]);
const predictions = tf.placeholder(tf.int32, [null]);
const [acc, acc_op] = tf.metrics.accuracy(labels, predictions);
print(acc.name, acc_op.name);
const sess = tf.Session();
sess.run(tf.local_variables_initializer());
print(sess.run(acc_op, { [labels]: [1, 2, 3, 4], [predictions]: [1, 2, 0, 4] }));
print(sess.run(acc_op, { [labels]: [0, 0, 0, 0], [predictions]: [1, 1, 1, 0] }));
print(sess.run(acc));

/* Output:
accuracy/value:0 accuracy/update_op:0
0.75
0.5
0.5
*/
