const count_variable = tf.get_variable("count", []);
const zero_node = tf.constant(0.);
const assign_node = tf.assign(count_variable, zero_node);
const sess = tf.Session();
sess.run(assign_node);
print(sess.run(count_variable));
