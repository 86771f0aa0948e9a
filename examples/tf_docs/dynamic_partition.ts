// tf.dynamic_partition (TF 1.15 docstring of DynamicPartition).
const sess = tf.Session();
// Scalar partitions.
let outputs = tf.dynamic_partition([10, 20], 1, 2);
print(sess.run(outputs[0])); // Empty with shape [0, 2]
print(sess.run(outputs[1])); // [[10, 20]]
print(outputs[0]);
// Vector partitions.
outputs = tf.dynamic_partition([10, 20, 30, 40, 50], [0, 0, 1, 1, 0], 2);
print(sess.run(outputs[0])); // [10, 20, 50]
print(sess.run(outputs[1])); // [30, 40]
sess.run(tf.dynamic_partition([10, 20, 30], [0, 2, 1], 2));

/* Output:
[]
[[10 20]]
Tensor("DynamicPartition:0", shape=(?, 2), dtype=int32)
[10 20 50]
[30 40]
InvalidArgumentError: partitions[1] = 2 is not in [0, 2)
*/
