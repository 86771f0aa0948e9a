// tf.tan, asin, acos, atan, atan2, sinh, cosh, asinh, acosh, atanh, expm1 and tf.nn.softsign
// (TF 1.15, one op each), printed as numpy prints float32. The values are the correctly rounded
// float32 results (TF's kernels call the C library's float functions); numpy's own SIMD float32
// functions may differ in the last digit.
const sess = tf.Session();
const x = tf.constant([-0.5, 0.0, 0.25, 0.75]);
print(sess.run(tf.tan(x)));
print(sess.run(tf.asin(x)));
print(sess.run(tf.math.acos(x)));
print(sess.run(tf.atan(x)));
print(sess.run(tf.atan2([1.0, 1.0, -1.0, -1.0], [2.0, -1.0, -1.0, 0.5])));
print(sess.run(tf.sinh(x)));
print(sess.run(tf.cosh(x)));
print(sess.run(tf.asinh(x)));
print(sess.run(tf.acosh([1.0, 1.5, 2.0, 10.0])));
print(sess.run(tf.atanh(x)));
print(sess.run(tf.math.expm1([-1.0, 0.0, 1e-5, 1.0])));
print(sess.run(tf.nn.softsign([-3.0, -0.5, 0.0, 2.0])));
tf.tan([1, 2]);

/* Output:
[-0.5463025   0.          0.25534192  0.93159646]
[-0.5235988   0.          0.25268024  0.8480621 ]
[2.0943952 1.5707964 1.3181161 0.7227343]
[-0.4636476   0.          0.24497867  0.6435011 ]
[ 0.4636476  2.3561945 -2.3561945 -1.1071488]
[-0.5210953   0.          0.25261232  0.8223167 ]
[1.127626  1.        1.0314131 1.2946833]
[-0.4812118   0.          0.24746646  0.6931472 ]
[0.        0.9624236 1.316958  2.993223 ]
[-0.54930615  0.          0.25541282  0.97295505]
[-6.3212055e-01  0.0000000e+00  1.0000050e-05  1.7182819e+00]
[-0.75       -0.33333334  0.          0.6666667 ]
TypeError: Value passed to parameter 'x' has DataType int32 not in list of allowed values: bfloat16, float16, float32, float64, complex64, complex128
*/
