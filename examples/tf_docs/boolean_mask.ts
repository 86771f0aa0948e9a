// tf.boolean_mask (TF 1.15 docstring, array_ops.py): the 1-D and the 2-D example.
const sess = tf.Session();
// 1-D example
let tensor = [0, 1, 2, 3];
let mask = np.array([true, false, true, false]);
print(sess.run(tf.boolean_mask(tensor, mask))); // [0, 2]
// 2-D example
const tensor2 = [[1, 2], [3, 4], [5, 6]];
const mask2 = np.array([true, false, true]);
print(sess.run(tf.boolean_mask(tensor2, mask2))); // [[1, 2], [5, 6]]

/* Output:
[0 2]
[[1 2]
 [5 6]]
*/
