// tf.math.is_nan, is_inf, is_finite (TF 1.15, one op each).
const x = tf.constant([5.0, NaN, 6.8, NaN, Infinity, -Infinity]);
const sess = tf.Session();
print(sess.run(tf.math.is_nan(x)));
print(sess.run(tf.math.is_inf(x)));
print(sess.run(tf.math.is_finite(x)));
tf.is_nan(tf.constant([1, 2]));

/* Output:
[False  True False  True False False]
[False False False False  True  True]
[ True False  True False False False]
TypeError: Value passed to parameter 'x' has DataType int32 not in list of allowed values: bfloat16, float16, float32, float64
*/
