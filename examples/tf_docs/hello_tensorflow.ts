// TF 1.x's "verify your install" program (tensorflow.org/install, TF 1.15, Python 3): a string
// tensor fetches as Python bytes.
const hello = tf.constant("Hello, TensorFlow!");
const sess = tf.Session();
print(sess.run(hello));

/* Output:
b'Hello, TensorFlow!'
*/
