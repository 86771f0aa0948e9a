// The r1 guide "Graphs and Sessions": feeding a placeholder; a run that needs an unfed
// placeholder fails, and so does a fed value of the wrong shape.
// Define a placeholder that expects a vector of three floating-point values,
// and a computation that depends on it.
const x = tf.placeholder(tf.float32, { shape: [3] });
const y = tf.square(x);
tf.Session((sess) => {
  // Feeding a value changes the result that is returned when you evaluate `y`.
  print(sess.run(y, { [x]: [1.0, 2.0, 3.0] })); // => "[1.0, 4.0, 9.0]"
  print(sess.run(y, { [x]: [0.0, 0.0, 5.0] })); // => "[0.0, 0.0, 25.0]"
  // Raises `tf.errors.InvalidArgumentError`, because you must feed a value for
  // a `tf.placeholder()` when evaluating a tensor that depends on it.
  try {
    sess.run(y);
  } catch (e) {
    print(e instanceof tf.errors.InvalidArgumentError);
  }
  // Raises `ValueError`, because the shape of `37.0` does not match the shape
  // of placeholder `x`.
  sess.run(y, { [x]: 37.0 });
});

/* Output:
[1. 4. 9.]
[ 0.  0. 25.]
True
ValueError: Cannot feed value of shape () for Tensor 'Placeholder:0', which has shape '(3,)'
*/
