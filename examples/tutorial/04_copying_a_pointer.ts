let two_node: any = tf.constant(2);
const another_pointer_at_two_node = two_node;
two_node = null;
print(two_node);
print(another_pointer_at_two_node);
