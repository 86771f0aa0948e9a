const count_variable = tf.get_variable("count", []);
const sess = tf.Session();
print(sess.run(count_variable));
