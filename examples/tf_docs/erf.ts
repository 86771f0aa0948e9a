// tf.math.erf (TF 1.15, gen_math_ops: "Computes the Gauss error function of `x` element-wise")
// and its gradient, math_grad.py's `grad * 2/sqrt(pi) * exp(-x^2)`.
const x = tf.constant([-1.0, 0.0, 0.5, 2.0]);
const y = tf.math.erf(x);
print(y);
const [dy_dx] = tf.gradients(y, [x]);
const sess = tf.Session();
print(sess.run(y));
print(dy_dx);
print(sess.run(dy_dx)[1]);
print(sess.run(tf.erf(tf.constant(1.0, tf.float64))));
tf.erf(tf.constant([1, 2]));

/* Output:
Tensor("Erf:0", shape=(4,), dtype=float32)
[-0.8427008  0.         0.5204999  0.9953223]
Tensor("gradients/Erf_grad/mul_1:0", shape=(4,), dtype=float32)
1.1283792
0.8427007929497149
TypeError: Value passed to parameter 'x' has DataType int32 not in list of allowed values: bfloat16, float16, float32, float64
*/
