let two_node = tf.constant(2);
const another_two_node = tf.constant(2);
two_node = tf.constant(2);
tf.constant(3);
