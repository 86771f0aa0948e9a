// tf.while_loop's docstring (TF 1.15): loop variables in a nested structure (the docstring's
// namedtuple Pair(j, k) is a dict here), kept by the loop's outputs.
const ijk_0 = [tf.constant(0), { j: tf.constant(1), k: tf.constant(2) }];
const c = (i, p) => i < 10;
const b = (i, p) => [i + 1, { j: p.j + p.k, k: p.j - p.k }];
const ijk_final = tf.while_loop(c, b, ijk_0);
print(ijk_final[1].j);
const sess = tf.Session();
const [i, p] = sess.run(ijk_final);
print(i, p.j, p.k);

/* Output:
Tensor("while/Exit_1:0", shape=(), dtype=int32)
10 32 64
*/
