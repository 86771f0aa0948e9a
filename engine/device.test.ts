/** tf.device and placement against TF 1.15: device strings, merging, the placer's choices and errors, log_device_placement. */
import { describe, expect, it } from "vitest";
import { createTF, type TF } from "./tf.js";
import { canonicalDevice } from "./device.js";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyTF = TF & Record<string, any>;

function program() {
  const err: string[] = [];
  const tf = createTF({ stdout: (l) => err.push(l) }) as AnyTF;
  return { tf, err };
}

describe("device strings", () => {
  it("are normalized as TF's DeviceSpec writes them", () => {
    expect(canonicalDevice("/gpu:0")).toBe("/device:GPU:0");
    expect(canonicalDevice("/cpu:0")).toBe("/device:CPU:0");
    expect(canonicalDevice("/job:localhost/replica:0/task:0/device:CPU:0")).toBe("/job:localhost/replica:0/task:0/device:CPU:0");
    expect(canonicalDevice("gpu:1")).toBe("/device:GPU:1");
    expect(canonicalDevice("/job:ps/task:1")).toBe("/job:ps/task:1");
    expect(() => canonicalDevice("/gpu:0/cpu:0")).toThrow("Cannot specify multiple device types: /gpu:0/cpu:0");
    expect(() => canonicalDevice("/foo:1")).toThrow("Unknown attribute: 'foo' in '/foo:1'");
  });
});

describe("tf.device", () => {
  it("records the device on every op made in the block, the inner block overriding only what it names", () => {
    const { tf } = program();
    const a = tf.device("/cpu:0", () => tf.constant([1.0, 2.0], { name: "a" }));
    expect(a.device).toBe("/device:CPU:0");
    expect(a.op.device).toBe("/device:CPU:0");
    const [b, c, d] = tf.device("/job:localhost", () =>
      tf.device("/gpu:0", () => [tf.constant(1.0, { name: "b" }), tf.device("/cpu:0", () => tf.constant(2.0, { name: "c" })), tf.device(null, () => tf.constant(3.0, { name: "d" }))]),
    );
    expect([b.device, c.device, d.device]).toEqual(["/job:localhost/device:GPU:0", "/job:localhost/device:CPU:0", ""]);
    expect(tf.constant(4.0).device).toBe("");
    // A device function chooses per op.
    const e = tf.device((op: { type: string }) => (op.type === "MatMul" ? "/gpu:0" : "/cpu:0"), () => tf.matmul([[1.0]], [[2.0]], { name: "e" }));
    expect(e.device).toBe("/gpu:0");
  });
});

describe("placement", () => {
  const MATMUL = (tf: AnyTF) => {
    const a = tf.constant([1.0, 2.0, 3.0, 4.0, 5.0, 6.0], { shape: [2, 3], name: "a", dtype: tf.float32 });
    const b = tf.constant([1.0, 2.0, 3.0, 4.0, 5.0, 6.0], { shape: [3, 2], name: "b", dtype: tf.float32 });
    return tf.matmul(a, b);
  };

  it("log_device_placement prints the devices, then each op's at the first run (the r1 'Using GPUs' guide's program)", () => {
    const { tf, err } = program();
    const c = MATMUL(tf);
    const sess = tf.Session({ config: tf.ConfigProto({ log_device_placement: true }) });
    expect(String(sess.run(c))).toBe("[[22. 28.]\n [49. 64.]]");
    expect(err).toEqual([
      "Device mapping:",
      "/job:localhost/replica:0/task:0/device:GPU:0 -> device: 0, name: Simulated GPU (computes on the CPU), pci bus id: 0000:00:00.0, compute capability: 0.0",
      "a: (Const): /job:localhost/replica:0/task:0/device:GPU:0",
      "b: (Const): /job:localhost/replica:0/task:0/device:GPU:0",
      "MatMul: (MatMul): /job:localhost/replica:0/task:0/device:GPU:0",
    ]);
    sess.run(c);
    expect(err.length).toBe(5); // placed once
  });

  it("an op pinned to the CPU goes there, and a variable's assign goes where the variable is", () => {
    const { tf } = program();
    const v = tf.device("/cpu:0", () => tf.Variable(1.0, { name: "v" }));
    const sess = tf.Session();
    sess.run(v.initializer);
    expect(sess.deviceOf(v.op)).toBe("/job:localhost/replica:0/task:0/device:CPU:0");
    expect(sess.deviceOf(tf.get_default_graph().get_operation_by_name("v/Assign"))).toBe("/job:localhost/replica:0/task:0/device:CPU:0");
  });

  it("an op with no GPU kernel pinned to the GPU fails in TF's words, unless allow_soft_placement", () => {
    const { tf } = program();
    const p = tf.device("/gpu:0", () => tf.Print(tf.constant(1.0, { name: "x", dtype: tf.float32 }), [tf.constant(1.0)], "x=", { name: "p" }));
    expect(() => tf.Session().run(p)).toThrow(
      /^Cannot assign a device for operation p: Could not satisfy explicit device specification '\/device:GPU:0' because no supported kernel for GPU devices is available\./,
    );
    // A placement that fails logs nothing but the device mapping.
    const logged = program();
    const q = logged.tf.device("/gpu:0", () => logged.tf.Print(logged.tf.constant(1.0, { name: "x", dtype: logged.tf.float32 }), [], "x=", { name: "p" }));
    expect(() => logged.tf.Session({ config: logged.tf.ConfigProto({ log_device_placement: true }) }).run(q)).toThrow(/no supported kernel/);
    expect(logged.err).toEqual(["Device mapping:", expect.stringMatching(/^\/job:localhost\/replica:0\/task:0\/device:GPU:0 -> /)]);
    const soft = tf.Session({ config: tf.ConfigProto({ allow_soft_placement: true }) });
    expect(Number(soft.run(p))).toBe(1);
    expect(soft.deviceOf(p.op)).toBe("/job:localhost/replica:0/task:0/device:CPU:0");
  });

  it("a device the machine does not have fails every run of the graph, soft placement choosing another", () => {
    const { tf } = program();
    const x = tf.constant(1.0, { name: "x", dtype: tf.float32 });
    tf.device("/gpu:1", () => tf.identity(x, { name: "far" }));
    expect(() => tf.Session().run(x)).toThrow(
      "Cannot assign a device for operation far: {{node far}}was explicitly assigned to /device:GPU:1 but available devices are [ /job:localhost/replica:0/task:0/device:CPU:0, /job:localhost/replica:0/task:0/device:GPU:0 ]. Make sure the device specification refers to a valid device.",
    );
    expect(Number(tf.Session({ config: tf.ConfigProto({ allow_soft_placement: true }) }).run(x))).toBe(1);
  });

  it("ConfigProto refuses a field it does not have, and Session a config that is no ConfigProto", () => {
    const { tf } = program();
    expect(() => tf.ConfigProto({ log_placement: true } as never)).toThrow('Protocol message ConfigProto has no "log_placement" field.');
    tf.constant(1);
    expect(() => tf.Session({ config: { log_device_placement: true } })).toThrow("config must be a tf.ConfigProto, but got <class 'dict'>");
    expect(String(tf.ConfigProto({ allow_soft_placement: true, log_device_placement: true }))).toBe("allow_soft_placement: true\nlog_device_placement: true\n");
  });
});
