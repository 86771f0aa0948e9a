// tf.reverse (TF 1.15 docstring of ReverseV2): reverses the listed axes; negative axes count
// from the end.
const t = tf.reshape(tf.range(24), [1, 2, 3, 4]);
const sess = tf.Session();
print(sess.run(tf.reverse(t, [3]))); // 'dims' is [3] or 'dims' is [-1]
print(sess.run(tf.reverse(t, [-3]))); // 'dims' is '[1]' (or 'dims' is '[-3]')
print(sess.run(tf.reverse(t, [2]))); // 'dims' is '[2]' (or 'dims' is '[-2]')
print(tf.reverse(t, [1]));
tf.reverse(t, [1, -3]);

/* Output:
[[[[ 3  2  1  0]
   [ 7  6  5  4]
   [11 10  9  8]]

  [[15 14 13 12]
   [19 18 17 16]
   [23 22 21 20]]]]
[[[[12 13 14 15]
   [16 17 18 19]
   [20 21 22 23]]

  [[ 0  1  2  3]
   [ 4  5  6  7]
   [ 8  9 10 11]]]]
[[[[ 8  9 10 11]
   [ 4  5  6  7]
   [ 0  1  2  3]]

  [[20 21 22 23]
   [16 17 18 19]
   [12 13 14 15]]]]
Tensor("ReverseV2_3:0", shape=(1, 2, 3, 4), dtype=int32)
ValueError: axis 1 specified more than once. for 'ReverseV2_4' (op: 'ReverseV2') with input shapes: [1,2,3,4], [2] and with computed input tensors: input[1] = <1 -3>.
*/
