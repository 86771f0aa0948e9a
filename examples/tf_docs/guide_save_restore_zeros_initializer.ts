// The r1 guide "Save and Restore", its variables part: TF's initializer classes may be passed
// un-called (`initializer = tf.zeros_initializer`); get_variable instantiates them. (The
// guide's tf.train.Saver lines are left out here.)
const v1 = tf.get_variable("v1", { shape: [3], initializer: tf.zeros_initializer });
const v2 = tf.get_variable("v2", { shape: [5], initializer: tf.zeros_initializer });
const inc_v1 = v1.assign(v1 + 1);
const dec_v2 = v2.assign(v2 - 1);
const init_op = tf.global_variables_initializer();
tf.Session((sess) => {
  sess.run(init_op);
  inc_v1.op.run();
  dec_v2.op.run();
  print("v1 : %s" % v1.eval());
  print("v2 : %s" % v2.eval());
});

/* Output:
v1 : [1. 1. 1.]
v2 : [-1. -1. -1. -1. -1.]
*/
