// The r1 guide "Variables": local and non-trainable variables, collections, and asking a
// session which variables are still uninitialized.
const my_local = tf.get_variable("my_local", { shape: [], collections: [tf.GraphKeys.LOCAL_VARIABLES] });
const my_non_trainable = tf.get_variable("my_non_trainable", { shape: [], trainable: false });
tf.add_to_collection("my_collection_name", my_local);
print(tf.get_collection("my_collection_name"));
// get_variable makes a variable trainable unless told otherwise, whatever its collections.
print(tf.trainable_variables().length, tf.global_variables().length, tf.local_variables().length);
const session = tf.Session();
session.run(tf.global_variables_initializer());
print(session.run(tf.report_uninitialized_variables()));
session.run(tf.local_variables_initializer());
print(session.run(tf.report_uninitialized_variables()));

/* Output:
[<tf.Variable 'my_local:0' shape=() dtype=float32_ref>]
1 1 1
[b'my_local']
[]
*/
