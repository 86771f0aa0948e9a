// tf.clip_by_value (TF 1.15 docstring, clip_ops.py): clip to [0, 3]; clip bounds of another
// dtype than the tensor raise TypeError.
const A = tf.constant([[1, 20, 13], [3, 21, 13]]);
const B = tf.clip_by_value(A, { clip_value_min: 0, clip_value_max: 3 }); // [[1, 3, 3],[3, 3, 3]]
print(B.name);
const sess = tf.Session();
print(sess.run(B));
const C = tf.clip_by_value(A, { clip_value_min: 0.0, clip_value_max: 3.0 }); // throws `TypeError`

/* Output:
clip_by_value:0
[[1 3 3]
 [3 3 3]]
TypeError: Expected int32 passed to parameter 'y' of op 'Minimum', got 3.0 of type 'float' instead. Error: Expected int32, got 3.0 of type 'float' instead.
*/
