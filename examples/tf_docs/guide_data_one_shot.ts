// The r1 "Importing Data" guide: a one-shot iterator over Dataset.range(100) needs no
// initializer; each run of next_element reads the next number.
const dataset = tf.data.Dataset.range(100);
const iterator = dataset.make_one_shot_iterator();
const next_element = iterator.get_next();
print(next_element);
const sess = tf.Session();
let total = 0;
for (let i = 0; i < 100; i++) {
  const value = sess.run(next_element);
  if (value != i) throw new Error("out of order");
  total += Number(value);
}
print(total);

/* Output:
Tensor("IteratorGetNext:0", shape=(), dtype=int64)
4950
*/
