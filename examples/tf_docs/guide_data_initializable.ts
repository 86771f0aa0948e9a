// The r1 "Importing Data" guide: an initializable iterator over a dataset built from a
// placeholder; each run of the initializer starts it over with the fed max_value.
const max_value = tf.placeholder(tf.int64, {shape: []});
const dataset = tf.data.Dataset.range(max_value);
const iterator = dataset.make_initializable_iterator();
const next_element = iterator.get_next();
const sess = tf.Session();

// Initialize an iterator over a dataset with 10 elements.
sess.run(iterator.initializer, {feed_dict: {[max_value]: 10}});
const seen = [];
for (let i = 0; i < 10; i++) seen.push(sess.run(next_element));
print(seen.join(" "));

// Initialize the same iterator over a dataset with 100 elements.
sess.run(iterator.initializer, {feed_dict: {[max_value]: 100}});
let last = null;
for (let i = 0; i < 100; i++) last = sess.run(next_element);
print(last);

/* Output:
0 1 2 3 4 5 6 7 8 9
99
*/
