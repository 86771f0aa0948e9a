/**
 * TF's shape-inference errors for the array and nn ops, raised while the graph is built, with
 * TF 1.14's context: `for 'name' (op: 'Type') with input shapes: ...` and, when the shape
 * function read a constant input, `and with computed input tensors: ...` (or `... computed as
 * partial shapes: ...` for inputs read as shapes).
 */
import { describe, expect, it } from "vitest";
import { createTF, TF } from "../../tf.js";

const cases: [name: string, build: (tf: TF) => unknown, error: string][] = [
  [
    "concat along an axis the inputs do not have",
    (tf) => tf.concat([tf.zeros([2, 3]), tf.zeros([2, 3])], 2),
    "Shape must be at least rank 3 but is rank 2 for 'concat' (op: 'ConcatV2') with input shapes: [2,3], [2,3], [] and with computed input tensors: input[2] = <2>.",
  ],
  [
    "concat of different ranks",
    (tf) => tf.concat([tf.zeros([2, 3]), tf.zeros([2])], 0),
    "Shapes must be equal rank, but are 1 and 0 for 'concat' (op: 'ConcatV2') with input shapes: [2,3], [2], [] and with computed input tensors: input[2] = <0>.",
  ],
  [
    "unstack with the wrong num",
    (tf) => tf.unstack(tf.zeros([2, 3]), { num: 3 }),
    "Dimension must be 3 but is 2 for 'unstack' (op: 'Unpack') with input shapes: [2,3].",
  ],
  [
    "transpose with a perm of the wrong length",
    (tf) => tf.transpose(tf.zeros([2, 3]), [0]),
    "Dimension must be 2 but is 1 for 'transpose' (op: 'Transpose') with input shapes: [2,3], [1] and with computed input tensors: input[1] = <0>.",
  ],
  [
    "tile with too few multiples",
    (tf) => tf.tile(tf.zeros([2, 3]), [2]),
    "Shape must be rank 2 but is rank 1 for 'Tile' (op: 'Tile') with input shapes: [2,3], [1] and with input tensors computed as partial shapes: input[1] = [2].",
  ],
  [
    "broadcast_to a shape that does not fit",
    (tf) => tf.broadcast_to(tf.zeros([3]), [2, 2]),
    "Dimensions must be equal, but are 3 and 2 for 'BroadcastTo' (op: 'BroadcastTo') with input shapes: [3], [2] and with input tensors computed as partial shapes: input[1] = [2,2].",
  ],
  [
    "pad with paddings for another rank",
    (tf) => tf.pad(tf.zeros([2, 3]), [[1, 1]]),
    "Shape must be rank 1 but is rank 2 for 'Pad' (op: 'Pad') with input shapes: [2,3], [1,2].",
  ],
  [
    "gather along an axis params do not have",
    (tf) => tf.gather(tf.zeros([2, 3]), [0], { axis: 2 }),
    "Shape must be at least rank 3 but is rank 2 for 'GatherV2' (op: 'GatherV2') with input shapes: [2,3], [1], [] and with computed input tensors: input[2] = <2>.",
  ],
  [
    "where with a condition of another length",
    (tf) => tf.where([true, false], tf.zeros([3]), tf.zeros([3])),
    "Dimension 0 in both shapes must be equal, but are 2 and 3. Shapes are [2] and [3]. for 'Select' (op: 'Select') with input shapes: [2], [3], [3].",
  ],
  [
    "one_hot with a negative depth",
    (tf) => tf.one_hot([0], -1),
    "Dimension size, given by scalar input 1, must be non-negative but is -1 for 'one_hot' (op: 'OneHot') with input shapes: [1], [], [], [] and with computed input tensors: input[1] = <-1>.",
  ],
  [
    "softmax of a scalar",
    (tf) => tf.nn.softmax(tf.zeros([])),
    "Shape must be at least rank 1 but is rank 0 for 'Softmax' (op: 'Softmax') with input shapes: [].",
  ],
  [
    "softmax cross entropy with labels of another width",
    (tf) => tf.nn.softmax_cross_entropy_with_logits_v2({ labels: tf.zeros([2, 4]), logits: tf.zeros([2, 3]) }),
    "Dimensions must be equal, but are 3 and 4 for 'softmax_cross_entropy_with_logits' (op: 'SoftmaxCrossEntropyWithLogits') with input shapes: [2,3], [2,4].",
  ],
  [
    "sparse softmax cross entropy with labels for another batch",
    (tf) => tf.nn.sparse_softmax_cross_entropy_with_logits({ labels: [0, 1, 2], logits: tf.zeros([2, 3]) }),
    "Shape mismatch: The shape of labels (received (3,)) should equal the shape of logits except for the last dimension (received (2, 3)).",
  ],
];

describe("shape errors", () => {
  it.each(cases)("raises TF's error for %s", (_, build, error) => {
    const tf = createTF();
    expect(() => build(tf)).toThrow(error);
  });
});
