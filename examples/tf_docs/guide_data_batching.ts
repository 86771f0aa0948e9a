// The r1 "Importing Data" guide, "Simple batching": four consecutive elements of a zipped
// dataset stacked into one element.
const inc_dataset = tf.data.Dataset.range(100);
const dec_dataset = tf.data.Dataset.range(0, -100, -1);
const dataset = tf.data.Dataset.zip([inc_dataset, dec_dataset]);
const batched_dataset = dataset.batch(4);
print(batched_dataset);

const iterator = batched_dataset.make_one_shot_iterator();
const next_element = iterator.get_next();
const sess = tf.Session();
for (let i = 0; i < 3; i++) {
  const [inc, dec] = sess.run(next_element);
  print(inc, dec);
}

/* Output:
<DatasetV1Adapter shapes: ((?,), (?,)), types: (tf.int64, tf.int64)>
[0 1 2 3] [ 0 -1 -2 -3]
[4 5 6 7] [-4 -5 -6 -7]
[ 8  9 10 11] [ -8  -9 -10 -11]
*/
