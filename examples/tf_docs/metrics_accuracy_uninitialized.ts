// tf.metrics.accuracy keeps its counts in local variables: running update_op before
// tf.local_variables_initializer() is the classic "why is my accuracy uninitialized" error.
const labels = tf.constant([1, 2, 3, 4]);
const predictions = tf.constant([1, 2, 0, 4]);
const [acc, acc_op] = tf.metrics.accuracy(labels, predictions);
print(tf.local_variables().map((v) => v.name));
print(tf.global_variables().length);
const sess = tf.Session();
sess.run(tf.global_variables_initializer());
sess.run(acc_op);

/* Output:
['accuracy/total:0', 'accuracy/count:0']
0
FailedPreconditionError: Attempting to use uninitialized value accuracy/total
*/
