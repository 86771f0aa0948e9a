const two_node = tf.constant(2);
const three_node = tf.constant(3);
const sum_node = two_node + three_node;
// this new copy of two_node is not on the computation path, so nothing prints!
const print_two_node = tf.Print(two_node, [two_node, three_node, sum_node]);
const sess = tf.Session();
print(sess.run(sum_node));
