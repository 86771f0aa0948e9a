import { describe, expect, it } from "vitest";
import { runProgram } from "../runner/run_program";
import { createHandler } from "./handler";
import { parseFromWorker, type FromWorker, type StartMessage } from "./protocol";

/** Every message the real handler posts for `start`, as the page receives them (cloned). */
async function messagesOf(start: Omit<StartMessage, "type" | "runId" | "seed">): Promise<FromWorker[]> {
  const out: FromWorker[] = [];
  const handle = createHandler({ post: (m: FromWorker) => out.push(structuredClone(m)), run: runProgram, now: () => performance.now() });
  await handle({ type: "start", runId: 7, seed: 3, ...start });
  return out;
}

const stdout = (ms: FromWorker[]) =>
  ms.flatMap((m) => (m.type === "batch" ? m.batch.items : [])).flatMap((e) => (e.type === "stdout" ? [e.text] : []));

const SAVE = [
  "const v = tf.Variable([1.5, 2], {name: 'v'});",
  "const sess = tf.Session();",
  "sess.run(v.initializer);",
  "print(tf.train.Saver({max_to_keep: 1}).save(sess, '/tmp/model.ckpt', {global_step: 1}));",
].join("\n");

describe("the program's files in the worker", () => {
  it("posts each file the program writes to the page, in a message the page accepts", async () => {
    const ms = await messagesOf({ source: SAVE });
    const files = ms.filter((m) => m.type === "file");
    expect(files.map((m) => [m.path, m.data === null ? null : m.data.constructor.name])).toEqual([
      ["/tmp/model.ckpt-1.npz", "Uint8Array"],
      ["/tmp/checkpoint", "Uint8Array"],
    ]);
    for (const m of ms) expect(parseFromWorker(m, 7)).toMatchObject({ ok: true });
    expect(stdout(ms)).toEqual(["/tmp/model.ckpt-1"]);
  });

  it("starts a run with the page's files, so a later program restores what an earlier one saved", async () => {
    const first = await messagesOf({ source: SAVE });
    const files = first.flatMap((m) => (m.type === "file" && m.data !== null ? [{ path: m.path, data: m.data }] : []));
    const ms = await messagesOf({
      source: [
        "const v = tf.Variable(tf.zeros([2]), {name: 'v'});",
        "const sess = tf.Session();",
        "tf.train.Saver().restore(sess, tf.train.latest_checkpoint('/tmp'));",
        "print(sess.run(v));",
      ].join("\n"),
      files,
    });
    expect(stdout(ms)).toEqual(["[1.5 2. ]"]);
    expect(ms.filter((m) => m.type === "file")).toEqual([]);
  });

  it("tells the page about a checkpoint max_to_keep deletes", async () => {
    const ms = await messagesOf({ source: SAVE + "\ntf.train.Saver({max_to_keep: 1}).save(sess, '/tmp/model.ckpt', {global_step: 2});" });
    // The second Saver keeps its own list (as TF's does): it deletes nothing of the first's.
    expect(ms.filter((m) => m.type === "file").map((m) => [m.path, m.data === null])).toEqual([
      ["/tmp/model.ckpt-1.npz", false],
      ["/tmp/checkpoint", false],
      ["/tmp/model.ckpt-2.npz", false],
      ["/tmp/checkpoint", false],
    ]);
    const one = await messagesOf({
      source: SAVE.replace("print(tf.train.Saver({max_to_keep: 1})", "const s = tf.train.Saver({max_to_keep: 1});\nprint(s") + "\ns.save(sess, '/tmp/model.ckpt', {global_step: 2});",
    });
    expect(one.filter((m) => m.type === "file").map((m) => [m.path, m.data === null])).toContainEqual(["/tmp/model.ckpt-1.npz", true]);
  });
});

describe("the page's check of file messages", () => {
  const file = (over: Record<string, unknown>) => ({ type: "file", runId: 1, path: "/tmp/a.npz", data: new Uint8Array(3), ...over });
  it("accepts a write and a delete, refuses anything else in their place", () => {
    expect(parseFromWorker(file({}), 1).ok).toBe(true);
    expect(parseFromWorker(file({ data: null }), 1).ok).toBe(true);
    expect(parseFromWorker(file({ data: [1, 2, 3] }), 1)).toMatchObject({ ok: false, error: "message.data: expected a Uint8Array" });
    expect(parseFromWorker(file({ path: "x".repeat(5000) }), 1).ok).toBe(false);
    expect(parseFromWorker(file({ extra: 1 }), 1).ok).toBe(false);
    expect(parseFromWorker(file({ runId: 2 }), 1).ok).toBe(false);
  });
});
