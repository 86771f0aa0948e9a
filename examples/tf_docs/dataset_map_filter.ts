// Dataset.map's and Dataset.filter's docstrings (TF 1.15): map applies the function to each
// element; filter keeps the elements whose predicate is true.
const a = tf.data.Dataset.range(1, 6);  // ==> [ 1, 2, 3, 4, 5 ]
const mapped = a.map((x) => x + 1);  // ==> [ 2, 3, 4, 5, 6 ]

let d = tf.data.Dataset.from_tensor_slices([1, 2, 3]);
d = d.filter((x) => x < 3);  // ==> [1, 2]

const sess = tf.Session();
function all(ds) {
  const next = ds.make_one_shot_iterator().get_next();
  const out = [];
  while (true) {
    try {
      out.push(sess.run(next));
    } catch (e) {
      if (e instanceof tf.errors.OutOfRangeError) return out;
      throw e;
    }
  }
}
print(all(mapped).join(", "));
print(all(d).join(", "));
function filter_fn(x) {
  return tf.math.equal(x, 1);
}
print(all(d.filter(filter_fn)).join(", "));

/* Output:
2, 3, 4, 5, 6
1, 2
1
*/
