const const_init_node = tf.constant_initializer(0.);
const count_variable = tf.get_variable("count", [], {initializer: const_init_node});
const init = tf.global_variables_initializer();
const sess = tf.Session();
sess.run(init);
print(sess.run(count_variable));
