/**
 * tf.nn.conv2d, max_pool, avg_pool and the conv backprops against TF's own expectations:
 * the values are those of TF 1.15's kernel tests (conv_ops_test.py, pooling_ops_test.py),
 * whose inputs are 1, 2, 3, ... in row-major order; the error texts are TF's.
 */
import { describe, expect, it } from "vitest";
import { createTF, type TF } from "../tf.js";
import type { Tensor } from "../graph.js";
import { NDArray } from "../ndarray.js";
import { PyFloat } from "../pyfloat.js";

// ---- factories ----

const fresh = () => createTF({ seedSource: () => 7 });
const f = (x: number) => new PyFloat(x);

/** A float32 constant [1, 2, ..., n] of `shape` (TF's tests' `_CreateNumpyTensor`). */
function counting(tf: TF, shape: number[]): Tensor {
  const n = shape.reduce((a, b) => a * b, 1);
  return tf.reshape(tf.constant(Array.from({ length: n }, (_, i) => i + 1), tf.float32), shape);
}

/** The flat values of a run. */
function flat(tf: TF, t: Tensor, feeds: Map<Tensor, unknown> = new Map()): number[] {
  const v = tf.Session().run(t, feeds);
  return Array.from((v as NDArray).data as Float32Array);
}

/** Op names created after the first `skip` ops. */
const names = (tf: TF, skip = 0) =>
  tf
    .get_default_graph()
    .get_operations()
    .slice(skip)
    .map((o) => o.name);

/** The error a run raises. */
function runError(tf: TF, t: Tensor): Error {
  try {
    tf.Session().run(t);
  } catch (e) {
    return e as Error;
  }
  throw new Error("the run did not fail");
}

describe("conv2d", () => {
  const conv = (input: number[], filter: number[], strides: number[], padding: string) => {
    const tf = fresh();
    return flat(tf, tf.nn.conv2d(counting(tf, input), counting(tf, filter), { strides: [1, ...strides, 1], padding }));
  };

  it("reproduces TF's testConv2D1x1Filter", () => {
    expect(conv([1, 2, 3, 3], [1, 1, 3, 3], [1, 1], "VALID")).toEqual([30, 36, 42, 66, 81, 96, 102, 126, 150, 138, 171, 204, 174, 216, 258, 210, 261, 312]);
  });

  it("reproduces TF's testConv2D2x2Filter and its SAME, stride-2 variant", () => {
    expect(conv([1, 2, 3, 3], [2, 2, 3, 3], [1, 1], "VALID")).toEqual([2271, 2367, 2463, 2901, 3033, 3165]);
    expect(conv([1, 2, 3, 3], [2, 2, 3, 3], [2, 2], "SAME")).toEqual([2271, 2367, 2463, 1230, 1305, 1380]);
  });

  it("reproduces TF's tests of uneven strides and kernels smaller than the stride", () => {
    expect(conv([1, 3, 6, 1], [2, 2, 1, 1], [1, 2], "VALID")).toEqual([58, 78, 98, 118, 138, 158]);
    expect(conv([1, 7, 7, 1], [2, 2, 1, 1], [3, 3], "VALID")).toEqual([65, 95, 275, 305]);
    expect(conv([1, 2, 2, 1], [2, 2, 1, 2], [1, 1], "VALID")).toEqual([50, 60]);
  });

  it("equals a VALID convolution of the explicitly padded input, for SAME, explicit paddings and dilations", () => {
    const tf = fresh();
    const x = counting(tf, [1, 5, 4, 2]);
    const w = tf.multiply(counting(tf, [3, 2, 2, 2]), 0.01);
    const same = tf.nn.conv2d(x, w, { strides: 1, padding: "SAME" });
    // SAME pads (1, 1) rows and (0, 1) columns for a 3×2 window at stride 1.
    const padded = tf.nn.conv2d(tf.pad(x, [[0, 0], [1, 1], [0, 1], [0, 0]]), w, { strides: 1, padding: "VALID" });
    expect(flat(tf, same)).toEqual(flat(tf, padded));
    const explicit = tf.nn.conv2d(x, w, { strides: [1, 2, 1, 1], padding: [[0, 0], [2, 0], [1, 3], [0, 0]] });
    const explicitRef = tf.nn.conv2d(tf.pad(x, [[0, 0], [2, 0], [1, 3], [0, 0]]), w, { strides: [1, 2, 1, 1], padding: "VALID" });
    expect(explicit.shape.as_list()).toEqual([1, 3, 7, 2]);
    expect(flat(tf, explicit)).toEqual(flat(tf, explicitRef));
    // A 2×2 filter dilated by 2 is a 3×3 filter with zeros between its taps.
    const w2 = counting(tf, [2, 2, 2, 1]);
    const dilated = tf.nn.conv2d(x, w2, { strides: 1, padding: "VALID", dilations: 2 });
    const spread = tf.constant([[[[1], [2]], [[0], [0]], [[3], [4]]], [[[0], [0]], [[0], [0]], [[0], [0]]], [[[5], [6]], [[0], [0]], [[7], [8]]]], tf.float32);
    expect(flat(tf, dilated)).toEqual(flat(tf, tf.nn.conv2d(x, spread, { strides: 1, padding: "VALID" })));
  });

  it("names its node Conv2D, with converted arguments under it, and accepts `filters`", () => {
    const tf = fresh();
    const y = tf.nn.conv2d([[[[f(1)]]]], { filters: [[[[f(2)]]]], strides: [1, 1], padding: "VALID" });
    expect(names(tf)).toEqual(["Conv2D/input", "Conv2D/filter", "Conv2D"]);
    expect(String(y)).toBe('Tensor("Conv2D:0", shape=(1, 1, 1, 1), dtype=float32)');
    expect(y.op.get_attr("strides")).toEqual([1, 1, 1, 1]);
    expect(y.op.get_attr("dilations")).toEqual([1, 1, 1, 1]);
  });

  it("prints its node as TF's NodeDef text, list attrs included", () => {
    const tf = fresh();
    const y = tf.nn.conv2d(tf.placeholder(tf.float32, [1, 4, 4, 1]), tf.placeholder(tf.float32, [2, 2, 1, 1]), { strides: [1, 2, 2, 1], padding: "SAME" });
    const attr = (key: string, value: string) => `attr {\n  key: "${key}"\n  value {\n    ${value}\n  }\n}\n`;
    const ints = (xs: number[]) => `list {\n${xs.map((x) => `      i: ${x}\n`).join("")}    }`;
    expect(y.op.__str__()).toBe(
      'name: "Conv2D"\nop: "Conv2D"\ninput: "Placeholder"\ninput: "Placeholder_1"\n' +
        attr("T", "type: DT_FLOAT") +
        attr("data_format", 's: "NHWC"') +
        attr("dilations", ints([1, 1, 1, 1])) +
        attr("explicit_paddings", "list {\n    }") +
        attr("padding", 's: "SAME"') +
        attr("strides", ints([1, 2, 2, 1])) +
        attr("use_cudnn_on_gpu", "b: true"),
    );
  });

  it("infers static shapes with TF's shape-function errors", () => {
    const tf = fresh();
    const x = tf.placeholder(tf.float32, [null, 28, 28, 1]);
    expect(tf.nn.conv2d(x, tf.zeros([5, 5, 1, 32]), { strides: [1, 1, 1, 1], padding: "SAME" }).shape.as_list()).toEqual([null, 28, 28, 32]);
    expect(tf.nn.conv2d(x, tf.zeros([5, 5, 1, 32]), { strides: [1, 2, 2, 1], padding: "VALID" }).shape.as_list()).toEqual([null, 12, 12, 32]);
    expect(() => tf.nn.conv2d(tf.zeros([1, 4, 4, 1]), tf.zeros([5, 5, 1, 1]), { strides: 1, padding: "VALID" })).toThrow(
      "Negative dimension size caused by subtracting 5 from 4 for 'Conv2D_2' (op: 'Conv2D') with input shapes: [1,4,4,1], [5,5,1,1].",
    );
    expect(() => tf.nn.conv2d(tf.zeros([1, 4, 4, 3]), tf.zeros([2, 2, 2, 1]), { strides: 1, padding: "VALID" })).toThrow(
      "Depth of input (3) is not a multiple of input depth of filter (2) for 'Conv2D_3' (op: 'Conv2D') with input shapes: [1,4,4,3], [2,2,2,1].",
    );
    expect(() => tf.nn.conv2d(tf.zeros([4, 4, 1]), tf.zeros([2, 2, 1, 1]), { strides: 1, padding: "VALID" })).toThrow(
      "Shape must be rank 4 but is rank 3 for 'Conv2D_4' (op: 'Conv2D') with input shapes: [4,4,1], [2,2,1,1].",
    );
  });

  it("raises TF's errors for bad arguments", () => {
    const tf = fresh();
    const x = tf.zeros([1, 4, 4, 1]);
    const w = tf.zeros([2, 2, 1, 1]);
    expect(() => tf.nn.conv2d(x, w, { strides: 1, padding: "same" })).toThrow(`Attr 'padding' of 'Conv2D' Op passed string 'same' not in: "SAME", "VALID", "EXPLICIT".`);
    expect(() => tf.nn.conv2d(x, w, { strides: 1 })).toThrow("Expected string for argument 'padding' not None.");
    expect(() => tf.nn.conv2d(x, w, { strides: [1, 1, 1], padding: "SAME" })).toThrow("strides should be of length 1, 2 or 4 but was 3");
    expect(() => tf.nn.conv2d(x, w, { strides: 1, padding: "EXPLICIT" })).toThrow('"EXPLICIT" is not a valid value for the padding parameter.');
    expect(() => tf.nn.conv2d(x, w, { strides: 1, padding: [[0, 0], [1, 1], [1, 1]] })).toThrow("When padding is a list, it must be of size 4. Got padding of size: 3");
    expect(() => tf.nn.conv2d(tf.zeros([1, 4, 4, 1], tf.int32), tf.zeros([2, 2, 1, 1], tf.int32), { strides: 1, padding: "SAME" })).toThrow(
      "Value passed to parameter 'input' has DataType int32 not in list of allowed values: float16, bfloat16, float32, float64",
    );
    expect(() => tf.nn.conv2d(x, { strides: 1, padding: "SAME", filter: w, filters: w })).toThrow("Cannot specify both 'filter' and 'filters'");
  });

  it("raises the CPU kernel's errors when it runs: batch strides, grouped filters, NCHW", () => {
    const tf = fresh();
    const x = tf.zeros([1, 4, 4, 2]);
    const e1 = runError(tf, tf.nn.conv2d(x, tf.zeros([2, 2, 2, 1]), { strides: [2, 1, 1, 1], padding: "SAME" }));
    expect(e1.name).toBe("InvalidArgumentError");
    expect(e1.message).toContain("Current implementation does not yet support strides in the batch and depth dimensions.");
    const e2 = runError(tf, tf.nn.conv2d(x, tf.zeros([2, 2, 1, 2]), { strides: 1, padding: "SAME" }));
    expect(e2.name).toBe("UnimplementedError");
    expect(e2.message).toContain(
      "The Conv2D op currently does not support grouped convolutions on the CPU. A grouped convolution was attempted to be run because the input depth of 2 does not match the filter input depth of 1",
    );
    const e3 = runError(tf, tf.nn.conv2d(tf.zeros([1, 2, 4, 4]), tf.zeros([2, 2, 2, 1]), { strides: 1, padding: "SAME", data_format: "NCHW" }));
    expect(e3.message).toContain("The Conv2D op currently only supports the NHWC tensor format on the CPU. The op was given the format: NCHW");
  });

  it("trains nothing through a dilated filter, as TF 1.15's CPU backprop kernels refuse it", () => {
    const tf = fresh();
    const x = tf.placeholder(tf.float32, [1, 5, 5, 1]);
    const w = tf.Variable(tf.ones([2, 2, 1, 1]));
    const y = tf.nn.conv2d(x, w, { strides: 1, padding: "VALID", dilations: [1, 2, 2, 1] });
    const [gw] = tf.gradients(tf.reduce_sum(y), [w]);
    const sess = tf.Session();
    sess.run(tf.global_variables_initializer());
    expect(() => sess.run(gw as Tensor, new Map([[x, new Array(1).fill(new Array(5).fill(new Array(5).fill([1])))]]))).toThrow(
      "Current libxsmm and customized CPU implementations do not yet support dilation rates larger than 1.",
    );
  });
});

describe("conv2d's gradient", () => {
  it("builds ShapeN, Conv2DBackpropInput and Conv2DBackpropFilter as TF's _Conv2DGrad", () => {
    const tf = fresh();
    const x = tf.placeholder(tf.float32, [null, 6, 6, 1]);
    const w = tf.Variable(tf.zeros([3, 3, 1, 2]), { name: "W" });
    const y = tf.nn.conv2d(x, w, { strides: 1, padding: "SAME" });
    const before = tf.get_default_graph().get_operations().length;
    const [gx, gw] = tf.gradients(y, [x, w]) as Tensor[];
    expect(names(tf, before).filter((n) => n.startsWith("gradients/Conv2D_grad"))).toEqual([
      "gradients/Conv2D_grad/ShapeN",
      "gradients/Conv2D_grad/Conv2DBackpropInput",
      "gradients/Conv2D_grad/Conv2DBackpropFilter",
    ]);
    expect(gx.shape.as_list()).toEqual([null, 6, 6, 1]);
    expect(gw.shape.as_list()).toEqual([3, 3, 1, 2]);
  });

  const backpropInput = (input: number[], filter: number[], output: number[], strides: number[], padding: string) => {
    const tf = fresh();
    return flat(tf, tf.nn.conv2d_backprop_input(input, counting(tf, filter), counting(tf, output), [1, ...strides, 1], padding));
  };
  const backpropFilter = (input: number[], filter: number[], output: number[], strides: number[], padding: string) => {
    const tf = fresh();
    return flat(tf, tf.nn.conv2d_backprop_filter(counting(tf, input), filter, counting(tf, output), [1, ...strides, 1], padding));
  };

  it("reproduces TF's backprop-input tests", () => {
    expect(backpropInput([1, 2, 3, 1], [2, 2, 1, 1], [1, 1, 2, 1], [1, 1], "VALID")).toEqual([1, 4, 4, 3, 10, 8]);
    expect(backpropInput([1, 2, 3, 3], [2, 2, 3, 3], [1, 1, 2, 3], [1, 1], "VALID")).toEqual([
      14, 32, 50, 100, 163, 226, 167, 212, 257, 122, 140, 158, 478, 541, 604, 437, 482, 527,
    ]);
    expect(backpropInput([1, 3, 6, 1], [2, 2, 1, 1], [1, 2, 3, 1], [1, 2], "VALID")).toEqual([1, 2, 2, 4, 3, 6, 7, 12, 11, 18, 15, 24, 12, 16, 15, 20, 18, 24]);
    expect(backpropInput([1, 4, 4, 1], [1, 1, 1, 1], [1, 2, 2, 1], [2, 2], "SAME")).toEqual([1, 0, 2, 0, 0, 0, 0, 0, 3, 0, 4, 0, 0, 0, 0, 0]);
    expect(backpropInput([1, 2, 2, 1], [2, 2, 1, 2], [1, 1, 1, 2], [1, 1], "VALID")).toEqual([5, 11, 17, 23]);
  });

  it("reproduces TF's backprop-filter tests", () => {
    expect(backpropFilter([1, 2, 3, 1], [2, 2, 1, 1], [1, 1, 2, 1], [1, 1], "VALID")).toEqual([5, 8, 14, 17]);
    expect(backpropFilter([1, 2, 3, 3], [2, 2, 3, 3], [1, 1, 2, 3], [1, 1], "VALID")).toEqual([
      17, 22, 27, 22, 29, 36, 27, 36, 45, 32, 43, 54, 37, 50, 63, 42, 57, 72, 62, 85, 108, 67, 92, 117, 72, 99, 126, 77, 106, 135, 82, 113, 144, 87, 120, 153,
    ]);
    expect(backpropFilter([1, 3, 6, 1], [2, 2, 1, 1], [1, 2, 3, 1], [1, 2], "VALID")).toEqual([161, 182, 287, 308]);
  });

  it("checks out_backprop against the forward output size, in TF's words", () => {
    const tf = fresh();
    const t = tf.nn.conv2d_backprop_input([1, 4, 4, 1], tf.zeros([2, 2, 1, 1]), tf.zeros([1, 2, 2, 1]), [1, 1, 1, 1], "VALID");
    expect(runError(tf, t).message).toContain(
      "Conv2DCustomBackpropInput: Size of out_backprop doesn't match computed: actual = 2, computed = 3 spatial_dim: 1 input: 4 filter: 2 output: 2 stride: 1 dilation: 1",
    );
    expect(() => tf.nn.conv2d_backprop_input([1, 4, 4, 1], tf.zeros([2, 2, 1, 1]), tf.zeros([1, 2, 2, 1]), 1 as unknown as number[], "VALID")).toThrow(
      "Expected list for 'strides' argument to 'conv2d_backprop_input' Op, not 1.",
    );
  });
});

describe("max_pool and avg_pool", () => {
  const pool = (kind: "max_pool" | "avg_pool", input: number[], ksize: number[], strides: number[], padding: string) => {
    const tf = fresh();
    return flat(tf, tf.nn[kind](counting(tf, input), { ksize, strides, padding }));
  };

  it("reproduces TF's max-pooling tests", () => {
    expect(pool("max_pool", [1, 3, 3, 3], [1, 2, 2, 1], [1, 2, 2, 1], "VALID")).toEqual([13, 14, 15]);
    expect(pool("max_pool", [1, 2, 3, 3], [1, 2, 2, 1], [1, 2, 2, 1], "SAME")).toEqual([13, 14, 15, 16, 17, 18]);
    expect(pool("max_pool", [1, 2, 2, 1], [1, 1, 2, 1], [1, 1, 1, 1], "SAME")).toEqual([2, 2, 4, 4]);
    expect(pool("max_pool", [1, 4, 4, 1], [1, 2, 2, 1], [1, 1, 2, 1], "VALID")).toEqual([6, 8, 10, 12, 14, 16]);
  });

  it("reproduces TF's average-pooling tests, not counting the padding", () => {
    expect(pool("avg_pool", [1, 3, 3, 3], [1, 2, 2, 1], [1, 2, 2, 1], "VALID")).toEqual([7, 8, 9]);
    expect(pool("avg_pool", [1, 2, 4, 3], [1, 2, 2, 1], [1, 2, 2, 1], "SAME")).toEqual([8.5, 9.5, 10.5, 14.5, 15.5, 16.5]);
    expect(pool("avg_pool", [1, 2, 2, 1], [1, 1, 2, 1], [1, 1, 1, 1], "SAME")).toEqual([1.5, 2, 3.5, 4]);
  });

  it("takes ksize and strides as 1, 2 or 4 numbers and names its node after the scope", () => {
    const tf = fresh();
    const x = tf.placeholder(tf.float32, [null, 28, 28, 32]);
    const p = tf.nn.max_pool(x, { ksize: 2, strides: [2, 2], padding: "SAME" });
    expect(String(p)).toBe('Tensor("MaxPool:0", shape=(?, 14, 14, 32), dtype=float32)');
    expect(p.op.get_attr("ksize")).toEqual([1, 2, 2, 1]);
    const a = tf.nn.avg_pool(x, [1, 3, 3, 1], [1, 2, 2, 1], "VALID", { name: "pool" });
    expect(String(a)).toBe('Tensor("pool:0", shape=(?, 13, 13, 32), dtype=float32)');
  });

  it("raises TF's errors", () => {
    const tf = fresh();
    const x = tf.zeros([1, 4, 4, 1]);
    expect(() => tf.nn.max_pool(x, { ksize: [1, 0, 2, 1], strides: 1, padding: "SAME" })).toThrow("ksize cannot be zero.");
    expect(() => tf.nn.max_pool(x, { ksize: 2, strides: 1, padding: "FULL" })).toThrow(`Attr 'padding' of 'MaxPool' Op passed string 'FULL' not in: "SAME", "VALID".`);
    expect(() => tf.nn.avg_pool(x, { ksize: 5, strides: 1, padding: "VALID" })).toThrow(
      "Negative dimension size caused by subtracting 5 from 4 for 'AvgPool' (op: 'AvgPool') with input shapes: [1,4,4,1].",
    );
    const e = runError(tf, tf.nn.max_pool(x, { ksize: [2, 2, 2, 1], strides: 1, padding: "SAME" }));
    expect(e.name).toBe("UnimplementedError");
    expect(e.message).toContain("Pooling is not yet supported on the batch dimension.");
  });

  it("builds MaxPoolGrad and AvgPoolGrad for their gradients, routing each gradient to the window's maximum", () => {
    const tf = fresh();
    const x = tf.constant([[[[1], [5]], [[3], [2]]]], tf.float32);
    const [gm] = tf.gradients(tf.nn.max_pool(x, { ksize: 2, strides: 2, padding: "VALID" }), [x]) as Tensor[];
    const [ga] = tf.gradients(tf.nn.avg_pool(x, { ksize: 2, strides: 2, padding: "VALID" }), [x]) as Tensor[];
    expect([gm.op.type, ga.op.type]).toEqual(["MaxPoolGrad", "AvgPoolGrad"]);
    expect(flat(tf, gm)).toEqual([0, 1, 0, 0]);
    expect(flat(tf, ga)).toEqual([0.25, 0.25, 0.25, 0.25]);
  });
});
