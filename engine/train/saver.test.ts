/**
 * tf.train.Saver against TF 1.15: the r1 "Save and Restore" guide's programs and outputs, the
 * Saver docstring's numbered checkpoints, the graph it builds, and TF's errors.
 */
import { describe, expect, it } from "vitest";
import { createTF, type TF } from "../tf.js";
import { MemoryFiles } from "../files.js";
import type { RunRecord } from "../records.js";
import { decodeUtf8 } from "../format/utf8.js";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyTF = TF & Record<string, any>;

function program(files = new MemoryFiles()) {
  const runs: RunRecord[] = [];
  const tf = createTF({ files, onRun: (r) => runs.push(structuredClone(r)) }) as AnyTF;
  return { tf, runs, files };
}

/** The guide's "Save variables" program; returns the path `save` returned. */
function saveGuideModel(tf: AnyTF): string {
  const v1 = tf.get_variable("v1", { shape: [3], initializer: tf.zeros_initializer });
  const v2 = tf.get_variable("v2", { shape: [5], initializer: tf.zeros_initializer });
  const inc_v1 = v1.assign(tf.add(v1, 1));
  const dec_v2 = v2.assign(tf.subtract(v2, 1));
  const init_op = tf.global_variables_initializer();
  const saver = tf.train.Saver();
  const sess = tf.Session();
  sess.run(init_op);
  sess.run(inc_v1.op);
  sess.run(dec_v2.op);
  return saver.save(sess, "/tmp/model.ckpt")!;
}

describe("tf.train.Saver, as the r1 Save and Restore guide uses it", () => {
  it("saves, and a fresh graph restores the values without running an initializer", () => {
    const { tf, files } = program();
    expect(saveGuideModel(tf)).toBe("/tmp/model.ckpt");

    // "Restore variables": a new graph (the guide's second program) with the same files.
    const p2 = program(files);
    const v1 = p2.tf.get_variable("v1", { shape: [3] });
    const v2 = p2.tf.get_variable("v2", { shape: [5] });
    const saver = p2.tf.train.Saver();
    const sess = p2.tf.Session();
    saver.restore(sess, "/tmp/model.ckpt");
    expect(String(sess.run(v1))).toBe("[1. 1. 1.]");
    expect(String(sess.run(v2))).toBe("[-1. -1. -1. -1. -1.]");

    // The restore is one run of save/restore_all: reading the file, then each Assign initializing its variable.
    const restore = p2.runs[0];
    expect(restore.fetches).toEqual(["save/restore_all"]);
    expect(restore.feeds).toEqual(["save/Const:0"]);
    expect(restore.path).not.toContain("v1/Assign");
    expect(restore.side_effects.map((e) => [e.op, e.kind, e.target ?? e.text])).toEqual([
      ["save/RestoreV2", "restore", "/tmp/model.ckpt.npz"],
      ["save/Assign", "init", "v1"],
      ["save/Assign_1", "init", "v2"],
    ]);
  });

  it("restores only the variables of a dict var_list; the others keep their initializer's value", () => {
    const { tf, files } = program();
    saveGuideModel(tf);
    const p2 = program(files);
    const v1 = p2.tf.get_variable("v1", { shape: [3], initializer: p2.tf.zeros_initializer });
    const v2 = p2.tf.get_variable("v2", { shape: [5], initializer: p2.tf.zeros_initializer });
    const saver = p2.tf.train.Saver({ v2: v2 });
    const sess = p2.tf.Session();
    sess.run(v1.initializer);
    saver.restore(sess, "/tmp/model.ckpt");
    expect(String(sess.run(v1))).toBe("[0. 0. 0.]");
    expect(String(sess.run(v2))).toBe("[-1. -1. -1. -1. -1.]");
  });

  it("builds TF's save/ nodes: the filename placeholder, SaveV2, control_dependency, RestoreV2, one Assign per variable, restore_all", () => {
    const { tf } = program();
    saveGuideModel(tf);
    const g = tf.get_default_graph();
    const save = g.get_operations().filter((o: { name: string }) => o.name.startsWith("save/"));
    expect(save.map((o: { name: string; type: string }) => `${o.name} ${o.type}`)).toEqual([
      "save/filename/input Const",
      "save/filename PlaceholderWithDefault",
      "save/Const PlaceholderWithDefault",
      "save/SaveV2/tensor_names Const",
      "save/SaveV2/shape_and_slices Const",
      "save/SaveV2 SaveV2",
      "save/control_dependency Identity",
      "save/RestoreV2/tensor_names Const",
      "save/RestoreV2/shape_and_slices Const",
      "save/RestoreV2 RestoreV2",
      "save/Assign Assign",
      "save/Assign_1 Assign",
      "save/restore_all NoOp",
    ]);
    const saveV2 = g.get_operation_by_name("save/SaveV2");
    expect(saveV2.inputs.map((t: { name: string }) => t.name)).toEqual(["save/Const:0", "save/SaveV2/tensor_names:0", "save/SaveV2/shape_and_slices:0", "v1:0", "v2:0"]);
    expect(String(g.get_tensor_by_name("save/RestoreV2:1"))).toBe('Tensor("save/RestoreV2:1", dtype=float32)');
    expect(g.get_operation_by_name("save/restore_all").control_inputs.map((o: { name: string }) => o.name)).toEqual(["save/Assign", "save/Assign_1"]);
    // A second saver gets its own scope, as TF names it.
    tf.train.Saver();
    expect(g.get_operation_by_name("save_1/SaveV2").type).toBe("SaveV2");
  });

  it("numbers checkpoints by global_step, keeps max_to_keep of them and records them in the checkpoint file", () => {
    const { tf, files } = program();
    const step = tf.train.get_or_create_global_step();
    const w = tf.Variable(1.0, { name: "w" });
    const inc = tf.assign_add(step, 1);
    const saver = tf.train.Saver({ max_to_keep: 2 });
    const sess = tf.Session();
    sess.run(tf.global_variables_initializer());
    const paths: string[] = [];
    for (let i = 0; i < 3; i++) {
      sess.run(inc);
      paths.push(saver.save(sess, "/ckpts/my-model", { global_step: step })!);
    }
    expect(paths).toEqual(["/ckpts/my-model-1", "/ckpts/my-model-2", "/ckpts/my-model-3"]);
    expect(saver.save(sess, "/ckpts/my-model", { global_step: 1000 })).toBe("/ckpts/my-model-1000");
    expect(saver.last_checkpoints).toEqual(["/ckpts/my-model-3", "/ckpts/my-model-1000"]);
    expect(files.list().sort()).toEqual(["/ckpts/checkpoint", "/ckpts/my-model-1000.npz", "/ckpts/my-model-3.npz"]);
    expect(decodeUtf8(files.read("/ckpts/checkpoint")!)).toBe(
      'model_checkpoint_path: "/ckpts/my-model-1000"\nall_model_checkpoint_paths: "/ckpts/my-model-3"\nall_model_checkpoint_paths: "/ckpts/my-model-1000"\n',
    );
    expect(tf.train.latest_checkpoint("/ckpts")).toBe("/ckpts/my-model-1000");
    expect(tf.train.get_checkpoint_state("/ckpts")!.all_model_checkpoint_paths).toEqual(["/ckpts/my-model-3", "/ckpts/my-model-1000"]);
    expect(tf.train.latest_checkpoint("/elsewhere")).toBe(null);
    void w;
  });

  it("writes relative paths relative to the checkpoint's directory, as TF does, and reads them back joined", () => {
    const { tf, files } = program();
    tf.Variable(2.0, { name: "w" });
    const saver = tf.train.Saver();
    const sess = tf.Session();
    sess.run(tf.global_variables_initializer());
    expect(saver.save(sess, "train/model.ckpt")).toBe("train/model.ckpt");
    expect(decodeUtf8(files.read("train/checkpoint")!)).toBe('model_checkpoint_path: "model.ckpt"\nall_model_checkpoint_paths: "model.ckpt"\n');
    expect(tf.train.latest_checkpoint("train")).toBe("train/model.ckpt");
    expect(tf.train.latest_checkpoint("./train/")).toBe("./train/model.ckpt");
  });

  it("lists and loads what a checkpoint holds", () => {
    const { tf } = program();
    saveGuideModel(tf);
    expect(tf.train.list_variables("/tmp/model.ckpt")).toEqual([
      ["v1", [3]],
      ["v2", [5]],
    ]);
    expect(tf.train.list_variables("/tmp")).toEqual(tf.train.list_variables("/tmp/model.ckpt"));
    expect(String(tf.train.load_variable("/tmp/model.ckpt", "v1"))).toBe("[1. 1. 1.]");
    expect(String(tf.train.load_variable("/tmp/model.ckpt", "v2:0"))).toBe("[-1. -1. -1. -1. -1.]");
    expect(tf.train.checkpoint_exists("/tmp/model.ckpt")).toBe(true);
  });
});

describe("tf.train.Saver's errors, in TF's words", () => {
  it("restoring a variable the checkpoint lacks: NotFoundError, Key v3 not found in checkpoint", () => {
    const { tf, files } = program();
    saveGuideModel(tf);
    const p2 = program(files);
    p2.tf.get_variable("v3", { shape: [5] });
    const saver = p2.tf.train.Saver();
    let err: Error | null = null;
    try {
      saver.restore(p2.tf.Session(), "/tmp/model.ckpt");
    } catch (e) {
      err = e as Error;
    }
    expect(err).toBeInstanceOf(p2.tf.errors.NotFoundError);
    expect(err!.message).toMatch(
      /^Restoring from checkpoint failed\. This is most likely due to a Variable name or other graph key that is missing from the checkpoint\. Please ensure that you have not altered the graph expected based on the checkpoint\. Original error:\n\nKey v3 not found in checkpoint\n\t \[\[node save\/RestoreV2/,
    );
    expect((err as unknown as { op: string }).op).toBe("save/RestoreV2");
  });

  it("restoring a variable of another shape: InvalidArgumentError from its Assign, a graph mismatch", () => {
    const { tf, files } = program();
    saveGuideModel(tf);
    const p2 = program(files);
    p2.tf.get_variable("v1", { shape: [4] });
    p2.tf.get_variable("v2", { shape: [5] });
    expect(() => p2.tf.train.Saver().restore(p2.tf.Session(), "/tmp/model.ckpt")).toThrow(
      /^Restoring from checkpoint failed\. This is most likely due to a mismatch between the current graph and the graph from the checkpoint\. .*Original error:\n\nAssign requires shapes of both tensors to match\. lhs shape= \[4\] rhs shape= \[3\]/s,
    );
  });

  it("restoring a variable of another dtype says both dtypes", () => {
    const { tf, files } = program();
    saveGuideModel(tf);
    const p2 = program(files);
    p2.tf.get_variable("v1", { shape: [3], dtype: p2.tf.float64 });
    expect(() => p2.tf.train.Saver().restore(p2.tf.Session(), "/tmp/model.ckpt")).toThrow(
      "tensor_name = v1; expected dtype double does not equal original dtype float",
    );
  });

  it("a path with no checkpoint: ValueError from restore, NotFoundError from list_variables", () => {
    const { tf } = program();
    tf.Variable(1.0, { name: "w" });
    const saver = tf.train.Saver();
    expect(() => saver.restore(tf.Session(), "/tmp/nothing")).toThrow("The passed save_path is not a valid checkpoint: /tmp/nothing");
    expect(() => saver.restore(tf.Session(), null)).toThrow("Can't load save_path when it is None.");
    expect(() => tf.train.list_variables("/tmp/nothing")).toThrow(tf.errors.NotFoundError);
    expect(() => tf.train.list_variables("/tmp/nothing")).toThrow("Unsuccessful TensorSliceReader constructor: Failed to find any matching files for /tmp/nothing");
  });

  it("saving an uninitialized variable fails in SaveV2, writing nothing", () => {
    const { tf, files } = program();
    tf.Variable(1.0, { name: "w" });
    const saver = tf.train.Saver();
    expect(() => saver.save(tf.Session(), "/tmp/m")).toThrow(/^Attempting to use uninitialized value w\n\t \[\[node save\/SaveV2/);
    expect(files.list()).toEqual([]);
  });

  it("a graph without variables has nothing to save; allow_empty makes a saver that does nothing", () => {
    const { tf } = program();
    expect(() => tf.train.Saver()).toThrow("No variables to save");
    const empty = tf.train.Saver({ allow_empty: true });
    expect(empty.save(tf.Session(), "/tmp/m")).toBe(null);
  });

  it("var_list: two variables of one name, a value that is not a variable", () => {
    const { tf } = program();
    const a = tf.Variable(1.0, { name: "a" });
    expect(() => tf.train.Saver([a, a])).toThrow("At least two variables have the same name: a");
    expect(() => tf.train.Saver({ x: a, y: a })).toThrow("The same saveable will be restored with two names: y");
    expect(() => tf.train.Saver({ x: 3 })).toThrow(TypeError);
  });

  it("a file that is not a checkpoint: DataLossError naming it", () => {
    const { tf, files } = program();
    tf.Variable(1.0, { name: "w" });
    files.write("/tmp/bad.npz", new Uint8Array([1, 2, 3, 4]));
    expect(() => tf.train.Saver().restore(tf.Session(), "/tmp/bad")).toThrow(tf.errors.DataLossError);
  });
});
