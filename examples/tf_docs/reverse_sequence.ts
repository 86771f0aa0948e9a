// tf.reverse_sequence (TF 1.15 docstring, ReverseSequence): batch_dim 0, seq_dim 1, input of shape
// (4, 8), seq_lengths [7, 2, 3, 5]: each row's first seq_lengths[i] entries reversed, the rest
// copied through. (The docstring writes the slices as input[0, 7:0:-1]; TF's kernel reverses
// entries 0..6, i.e. input[0, 6::-1], as printed here.)
const input = tf.constant(Array.from({ length: 4 }, (_, i) => Array.from({ length: 8 }, (_, j) => 10 * i + j)));
const sess = tf.Session();
const y = tf.reverse_sequence(input, [7, 2, 3, 5], { seq_axis: 1, batch_axis: 0 });
print(y);
print(sess.run(y));
// seq_lengths is int64 by default (TF's Tlen); a length past the sequence fails when run.
print(y.op.inputs[1].dtype);
sess.run(tf.reverse_sequence(input, [9, 2, 3, 5], 1));

/* Output:
Tensor("ReverseSequence:0", shape=(4, 8), dtype=int32)
[[ 6  5  4  3  2  1  0  7]
 [11 10 12 13 14 15 16 17]
 [22 21 20 23 24 25 26 27]
 [34 33 32 31 30 35 36 37]]
<dtype: 'int64'>
InvalidArgumentError: seq_lens(0) > input.dims(1)
*/
