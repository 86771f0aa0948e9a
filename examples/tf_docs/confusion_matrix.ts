// tf.confusion_matrix (TF 1.15 docstring, confusion_matrix.py):
//   tf.math.confusion_matrix([1, 2, 4], [2, 2, 4]) ==>
//       [[0 0 0 0 0] [0 0 1 0 0] [0 0 1 0 0] [0 0 0 0 0] [0 0 0 0 1]]
// "Note that the possible labels are assumed to be [0, 1, 2, 3, 4], resulting in a 5x5
// confusion matrix." Weights sum instead of counting; ids are checked while the run goes.
const cm = tf.math.confusion_matrix([1, 2, 4], [2, 2, 4]);
print(cm);
const sess = tf.Session();
print(sess.run(cm));
print(sess.run(tf.confusion_matrix([0, 1, 1], [0, 1, 0], 3, tf.float32, null, [0.5, 1.0, 2.0])));
const labels = tf.placeholder(tf.int32, [null]);
const checked = tf.confusion_matrix(labels, [0, 1, 1], 2);
print(checked);
sess.run(checked, { feed_dict: { [labels]: [0, 1, 3] } });

/* Output:
Tensor("confusion_matrix/SparseTensorDenseAdd:0", shape=(?, ?), dtype=int32)
[[0 0 0 0 0]
 [0 0 1 0 0]
 [0 0 1 0 0]
 [0 0 0 0 0]
 [0 0 0 0 1]]
[[0.5 0.  0. ]
 [2.  1.  0. ]
 [0.  0.  0. ]]
Tensor("confusion_matrix_2/SparseTensorDenseAdd:0", shape=(2, 2), dtype=int32)
InvalidArgumentError: assertion failed: [`labels` out of bound] [Condition x < y did not hold element-wise:] [x (confusion_matrix_2/control_dependency:0) = ] [0 1 3] [y (confusion_matrix_2/Cast_2:0) = ] [2]
*/
