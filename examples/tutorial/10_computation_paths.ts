const input_placeholder = tf.placeholder(tf.int32);
const three_node = tf.constant(3);
const sum_node = input_placeholder + three_node;
const sess = tf.Session();
print(sess.run(three_node));
print(sess.run(sum_node));
