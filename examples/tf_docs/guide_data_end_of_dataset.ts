// The r1 "Importing Data" guide: after the last element, the iterator's next run raises
// tf.errors.OutOfRangeError, which is how a loop over one epoch ends.
const dataset = tf.data.Dataset.range(5);
const iterator = dataset.make_initializable_iterator();
const next_element = iterator.get_next();

// Typically `result` will be the output of a model, or an optimizer's training operation.
const result = tf.add(next_element, next_element);

const sess = tf.Session();
sess.run(iterator.initializer);
print(sess.run(result));  // ==> "0"
print(sess.run(result));  // ==> "2"
print(sess.run(result));  // ==> "4"
print(sess.run(result));  // ==> "6"
print(sess.run(result));  // ==> "8"
try {
  sess.run(result);
} catch (e) {
  if (e instanceof tf.errors.OutOfRangeError) print("End of dataset");  // ==> "End of dataset"
  else throw e;
}
// Running the initializer again starts over.
sess.run(iterator.initializer);
print(sess.run(result));
sess.run(result);
sess.run(result);
sess.run(result);
sess.run(result);
sess.run(result);

/* Output:
0
2
4
6
8
End of dataset
0
OutOfRangeError: End of sequence
*/
