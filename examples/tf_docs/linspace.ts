// tf.linspace (TF 1.15 docstring, math_ops): `tf.linspace(10.0, 12.0, 3, name="linspace") => [ 10.0  11.0  12.0]`
const v = tf.linspace(10.0, 12.0, 3, { name: "linspace" });
print(v);
const sess = tf.Session();
print(sess.run(v));
print(sess.run(tf.lin_space(-1.0, 1.0, 5)));

/* Output:
Tensor("linspace:0", shape=(3,), dtype=float32)
[10. 11. 12.]
[-1.  -0.5  0.   0.5  1. ]
*/
