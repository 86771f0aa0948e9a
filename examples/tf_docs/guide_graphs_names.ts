// The r1 guide "Graphs and Sessions": naming operations, name scopes and uniquified names.
const c_0 = tf.constant(0, { name: "c" }); // => operation named "c"
// Already-used names will be "uniquified".
const c_1 = tf.constant(2, { name: "c" }); // => operation named "c_1"
// Name scopes add a prefix to all operations created in the same context.
tf.name_scope("outer", () => {
  const c_2 = tf.constant(2, { name: "c" }); // => operation named "outer/c"
  // Name scopes nest like paths in a hierarchical file system.
  tf.name_scope("inner", () => {
    const c_3 = tf.constant(3, { name: "c" }); // => operation named "outer/inner/c"
    print(c_3.op.name);
  });
  // Exiting a name scope context will return to the previous prefix.
  const c_4 = tf.constant(4, { name: "c" }); // => operation named "outer/c_1"
  // Already-used name scopes will be "uniquified".
  tf.name_scope("inner", () => {
    const c_5 = tf.constant(5, { name: "c" }); // => operation named "outer/inner_1/c"
    print(c_5.op.name);
  });
  print(c_2.op.name, c_4.op.name);
});
print(c_0.op.name, c_1.op.name);

/* Output:
outer/inner/c
outer/inner_1/c
outer/c outer/c_1
c c_1
*/
