// tf.space_to_depth and tf.depth_to_space (TF 1.15 docstrings, SpaceToDepth's three examples and
// DepthToSpace's inverses): each output's shape, then its value as the docstring writes it (.tolist()).
const sess = tf.Session();
const show = (y: ReturnType<typeof tf.space_to_depth>) => {
  print(y.shape);
  print(sess.run(y).tolist());
};
show(tf.space_to_depth([[[[1], [2]], [[3], [4]]]], 2));
show(tf.space_to_depth([[[[1, 2, 3], [4, 5, 6]], [[7, 8, 9], [10, 11, 12]]]], 2));
const x3 = [[[[1], [2], [5], [6]], [[3], [4], [7], [8]], [[9], [10], [13], [14]], [[11], [12], [15], [16]]]];
show(tf.space_to_depth(x3, 2));
show(tf.depth_to_space([[[[1, 2, 3, 4]]]], 2));
show(tf.depth_to_space([[[[1, 2, 3, 4], [5, 6, 7, 8]], [[9, 10, 11, 12], [13, 14, 15, 16]]]], 2));
// The CPU kernels take NHWC only: an NCHW graph builds, with its shape, and fails when run.
const nchw = tf.space_to_depth(tf.zeros([1, 1, 4, 4]), 2, { data_format: "NCHW" });
print(nchw.shape);
sess.run(nchw);

/* Output:
(1, 1, 1, 4)
[[[[1, 2, 3, 4]]]]
(1, 1, 1, 12)
[[[[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]]]]
(1, 2, 2, 4)
[[[[1, 2, 3, 4], [5, 6, 7, 8]], [[9, 10, 11, 12], [13, 14, 15, 16]]]]
(1, 2, 2, 1)
[[[[1], [2]], [[3], [4]]]]
(1, 4, 4, 1)
[[[[1], [2], [5], [6]], [[3], [4], [7], [8]], [[9], [10], [13], [14]], [[11], [12], [15], [16]]]]
(1, 4, 2, 2)
InvalidArgumentError: Only NHWC data_format supported on CPU. Got NCHW
*/
