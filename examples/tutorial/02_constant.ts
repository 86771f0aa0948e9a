const two_node = tf.constant(2);
print(two_node);
