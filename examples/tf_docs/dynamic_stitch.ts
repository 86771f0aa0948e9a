// tf.dynamic_stitch (TF 1.15 docstring, data_flow_ops).
const indices = [6, [4, 1], [[5, 2], [0, 3]]];
const data = [[61, 62], [[41, 42], [11, 12]], [[[51, 52], [21, 22]], [[1, 2], [31, 32]]]];
const sess = tf.Session();
print(sess.run(tf.dynamic_stitch(indices, data)));
// merged = [[1, 2], [11, 12], [21, 22], [31, 32], [41, 42], [51, 52], [61, 62]]

/* Output:
[[ 1  2]
 [11 12]
 [21 22]
 [31 32]
 [41 42]
 [51 52]
 [61 62]]
*/
