const two_node = tf.constant(2);
const three_node = tf.constant(3);
const sum_node = two_node + three_node;
const print_sum_node = tf.Print(sum_node, [two_node, three_node]);
const sess = tf.Session();
print(sess.run(print_sum_node));
