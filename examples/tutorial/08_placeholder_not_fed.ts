const input_placeholder = tf.placeholder(tf.int32);
const sess = tf.Session();
print(sess.run(input_placeholder));
