// The r1 guide "Tensors": reshaping keeps the number of elements; a shape no dimension can
// complete is an error when the graph is built.
const rank_three_tensor = tf.ones([3, 4, 5]);
const matrix = tf.reshape(rank_three_tensor, [6, 10]); // Reshape existing content into a 6x10 matrix
const matrixB = tf.reshape(matrix, [3, -1]); //  Reshape existing content into a 3x20 matrix.
const matrixAlt = tf.reshape(matrixB, [4, 3, -1]); // Reshape existing content into a 4x3x5 tensor
print(matrix.shape, matrixB.shape, matrixAlt.shape);
const yet_another = tf.reshape(matrixAlt, [13, 2, -1]); // ERROR!

/* Output:
(6, 10) (3, 20) (4, 3, 5)
ValueError: Dimension size must be evenly divisible by 26 but is 60 for 'Reshape_3' (op: 'Reshape') with input shapes: [4,3,5], [3] and with input tensors computed as partial shapes: input[1] = [13,2,?].
*/
