// Adding an int32 and a float32 tensor: TF does not convert either; the op definition refuses
// the second input (TF 1.15's op_def_library; TF 1.15 names the op AddV2, the playground Add
// as TF 1.14 does).
const a = tf.constant(1);
const b = tf.constant(2.5);
print(a.dtype, b.dtype);
print(a + tf.cast(b, tf.int32));
a + b;

/* Output:
<dtype: 'int32'> <dtype: 'float32'>
Tensor("add:0", shape=(), dtype=int32)
TypeError: Input 'y' of 'Add' Op has type float32 that does not match type int32 of argument 'x'.
*/
