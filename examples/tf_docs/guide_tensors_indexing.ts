// The r1 guide "Tensors", accessing elements: Python's indexing builds strided slices.
// `t[i]` works as in Python; `my_matrix[1, 2]` and `my_matrix[:, 3]` are written with
// __getitem__ and Python's slice().
const my_vector = tf.constant([1, 2, 3, 4]);
const my_matrix = tf.constant([[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12]]);
const my_scalar = my_vector[2];
const my_scalar2 = my_matrix.__getitem__([1, 2]); // my_matrix[1, 2]
const my_row_vector = my_matrix[2];
const my_column_vector = my_matrix.__getitem__([slice(null), 3]); // my_matrix[:, 3]
print(my_scalar);
print(my_column_vector);
const sess = tf.Session();
print(sess.run([my_scalar, my_scalar2]));
print(sess.run(my_row_vector));
print(sess.run(my_column_vector));
print(sess.run(my_vector.slice(1, 3))); // my_vector[1:3]
print(sess.run(my_matrix[-1][-1]));
my_vector[4];

/* Output:
Tensor("strided_slice:0", shape=(), dtype=int32)
Tensor("strided_slice_3:0", shape=(3,), dtype=int32)
[3, 7]
[ 9 10 11 12]
[ 4  8 12]
[2 3]
12
ValueError: slice index 4 of dimension 0 out of bounds. for 'strided_slice_7' (op: 'StridedSlice') with input shapes: [4], [1], [1], [1] and with computed input tensors: input[1] = <4>, input[2] = <5>, input[3] = <1>.
*/
