// The r1 guide "Tensors": evaluating with Tensor.eval() in a default session, and feeding
// the placeholders a tensor depends on.
const constant = tf.constant([1, 2, 3]);
const tensor = constant * constant;
const sess = tf.InteractiveSession();
print(tensor.eval());
const p = tf.placeholder(tf.float32);
const t = p + 1.0;
print(t.eval({ feed_dict: { [p]: 2.0 } }));
print(t.eval({ feed_dict: { [p]: [1.0, 2.5] } }));
t.eval(); // This will fail, since the placeholder did not get a value.

/* Output:
[1 4 9]
3.0
[2.  3.5]
InvalidArgumentError: You must feed a value for placeholder tensor 'Placeholder' with dtype float
*/
