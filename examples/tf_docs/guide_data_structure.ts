// The r1 "Importing Data" guide, "Dataset structure": each element has the same structure of
// components, each with a dtype and a static shape (a tuple, a nested tuple, a dict).
const dataset1 = tf.data.Dataset.from_tensor_slices(tf.random_uniform([4, 10]));
print(dataset1.output_types);  // ==> "tf.float32"
print(dataset1.output_shapes);  // ==> "(10,)"

const dataset2 = tf.data.Dataset.from_tensor_slices(
   [tf.random_uniform([4]),
    tf.random_uniform([4, 100], {maxval: 100, dtype: tf.int32})]);
print(dataset2);

const dataset3 = tf.data.Dataset.zip([dataset1, dataset2]);
print(dataset3);

const dataset = tf.data.Dataset.from_tensor_slices(
   {"a": tf.random_uniform([4]),
    "b": tf.random_uniform([4, 100], {maxval: 100, dtype: tf.int32})});
print(dataset);

/* Output:
<dtype: 'float32'>
(10,)
<DatasetV1Adapter shapes: ((), (100,)), types: (tf.float32, tf.int32)>
<DatasetV1Adapter shapes: ((10,), ((), (100,))), types: (tf.float32, (tf.float32, tf.int32))>
<DatasetV1Adapter shapes: {a: (), b: (100,)}, types: {a: tf.float32, b: tf.int32}>
*/
