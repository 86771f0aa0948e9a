import tensorflow as tf
two_node = tf.constant(2)
print two_node
