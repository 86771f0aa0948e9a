import { describe, expect, it } from "vitest";
import { numpyApi } from "./np.js";
import { MT19937 } from "./mt19937.js";
import { npBinary } from "./ufuncs.js";
import { NDArray } from "../ndarray.js";
import { PyFloat } from "../pyfloat.js";
import { pyRepr } from "../format/python.js";
import { createTF } from "../tf.js";
import { operatorRuntime } from "../api/operators.js";

const np = () => numpyApi(0);
const s = (x: unknown) => String(x);

describe("MT19937", () => {
  // Reference values: numpy 1.x, `np.random.seed(0); np.random.rand(3)` and `np.random.randn(2)`.
  it("reproduces numpy's rand after seed(0)", () => {
    const r = new MT19937(0);
    expect(r.nextDouble()).toBe(0.5488135039273248);
    expect(r.nextDouble()).toBe(0.7151893663724195);
    expect(r.nextDouble()).toBe(0.6027633760716439);
  });

  it("reproduces numpy's randn after seed(0)", () => {
    const r = new MT19937(0);
    expect(r.nextGauss()).toBe(1.764052345967664);
    expect(r.nextGauss()).toBe(0.4001572083672233);
  });

  it("reproduces the reference implementation's first output for seed 5489", () => {
    expect(new MT19937(5489).nextUint32()).toBe(3499211612);
  });
});

describe("numpyApi", () => {
  it("makes arrays with numpy's default dtypes and printing", () => {
    const n = np();
    expect(s(n.array([[new PyFloat(1), new PyFloat(2)], [new PyFloat(3), new PyFloat(4)]]))).toBe("[[1. 2.]\n [3. 4.]]");
    // Python ints are C longs: int64 arrays, whose repr numpy leaves without a dtype.
    expect(n.array([1, 2]).__repr__()).toBe("array([1, 2])");
    expect(n.array([1, 2]).dtype.name).toBe("int64");
    expect(n.arange(3).dtype.name).toBe("int64");
    expect(n.array([1, 2], n.int32).__repr__()).toBe("array([1, 2], dtype=int32)");
    expect(n.array([1, 2], n.int64).dtype.name).toBe("int64");
    expect(n.array([0.5, 1]).__repr__()).toBe("array([0.5, 1. ])");
    expect(s(n.zeros([2, 3]))).toBe("[[0. 0. 0.]\n [0. 0. 0.]]");
    expect(s(n.arange(5))).toBe("[0 1 2 3 4]");
    expect(s(n.linspace(0, 1, 5))).toBe("[0.   0.25 0.5  0.75 1.  ]");
  });

  it("seeds its generator like np.random.seed", () => {
    const n = np();
    n.random.seed(0);
    expect(s(n.random.rand(3))).toBe("[0.5488135  0.71518937 0.60276338]");
    n.random.seed(0);
    expect(n.random.rand()).toBe(0.5488135039273248);
  });

  it("casts with astype and reduces with axis", () => {
    const n = np();
    const a = n.array([[1, 2, 3], [4, 5, 6]]);
    expect(s(a.astype(n.float32))).toBe("[[1. 2. 3.]\n [4. 5. 6.]]");
    expect(s(a.sum())).toBe("21");
    expect(s(a.sum(0))).toBe("[5 7 9]");
    expect(s(n.mean(a, { axis: 1 }))).toBe("[2. 5.]");
    expect(s(n.argmax(a))).toBe("5");
    expect(s(a.T)).toBe("[[1 4]\n [2 5]\n [3 6]]");
    expect(s(a.reshape(3, -1))).toBe("[[1 2]\n [3 4]\n [5 6]]");
  });

  it("multiplies matrices with dot", () => {
    const n = np();
    expect(s(n.dot(n.array([[1, 2], [3, 4]]), n.array([[5, 6], [7, 8]])))).toBe("[[19 22]\n [43 50]]");
    expect(s(n.dot([1, 2, 3], [4, 5, 6]))).toBe("32");
  });

  it("concatenates along an axis", () => {
    const n = np();
    expect(s(n.concatenate([n.array([[1, 2]]), n.array([[3, 4]])]))).toBe("[[1 2]\n [3 4]]");
    expect(s(n.concatenate([n.array([[1], [2]]), n.array([[3], [4]])], 1))).toBe("[[1 3]\n [2 4]]");
  });
});

describe("npBinary", () => {
  it("keeps a float32 array float32 when multiplied by a Python float", () => {
    const a = numpyApi(0).array([1, 2]).astype(numpyApi(0).float32);
    const r = npBinary("mul", a, 0.1) as NDArray;
    expect(r.dtype.name).toBe("float32");
    expect(s(r)).toBe("[0.1 0.2]");
  });

  it("widens an int array to float64 for a float operand and for true division", () => {
    const a = numpyApi(0).array([1, 2]);
    expect((npBinary("mul", a, 0.5) as NDArray).dtype.name).toBe("float64");
    expect(s(npBinary("truediv", a, 2))).toBe("[0.5 1. ]");
  });

  it("broadcasts and refuses incompatible shapes with numpy's message", () => {
    const n = numpyApi(0);
    expect(s(npBinary("add", n.array([[1], [2]]), n.array([10, 20])))).toBe("[[11 21]\n [12 22]]");
    expect(() => npBinary("add", n.array([1, 2]), n.array([1, 2, 3]))).toThrow("operands could not be broadcast together with shapes (2,) (3,) ");
  });
});

describe("NDArray operands in the operator runtime", () => {
  it("does numpy arithmetic on NDArrays and graph ops when a tensor is involved", () => {
    const tf = createTF();
    const py = operatorRuntime(tf.get_default_graph().ctx);
    const n = numpyApi(0);
    const x = n.array([1, 2]).astype(n.float32);
    expect(s(py.add(py.mul(x, 0.1), 0.3))).toBe("[0.4 0.5]");
    const w = tf.Variable([new PyFloat(2)]);
    const y = py.mul(w, x) as { name: string; op: { inputs: { name: string }[] } };
    expect(y.name).toBe("mul:0");
    expect(y.op.inputs[1].name).toBe("mul/y:0");
  });
});

describe("NDArray.shape", () => {
  it("prints as numpy's tuple and still works as an array", () => {
    const tf = createTF();
    const a = tf.Session().run(tf.zeros([1, 3])) as NDArray;
    expect(pyRepr(a.shape)).toBe("(1, 3)");
    expect(pyRepr((tf.Session().run(tf.ones([4])) as NDArray).shape)).toBe("(4,)");
    expect(pyRepr(np().array(5).shape)).toBe("()");
    expect(a.shape[1]).toBe(3);
    expect([...a.shape]).toEqual([1, 3]);
    expect(String(tf.zeros(a.shape).shape)).toBe("(1, 3)");
  });
});

describe("NDArray.tolist", () => {
  it("gives Python values: floats print as floats, strings as bytes, ints and bools as themselves", () => {
    const tf = createTF();
    const sess = tf.Session();
    expect(pyRepr((sess.run(tf.constant([1.0, 0.5])) as NDArray).tolist())).toBe("[1.0, 0.5]");
    expect(pyRepr((sess.run(tf.constant([[1, 2]])) as NDArray).tolist())).toBe("[[1, 2]]");
    expect(pyRepr((sess.run(tf.constant(["a"])) as NDArray).tolist())).toBe("[b'a']");
    expect(pyRepr((sess.run(tf.constant([true, false])) as NDArray).tolist())).toBe("[True, False]");
  });
});
