/** tf.summary against TF 1.15: node names and tags, FileWriter's values, TF's errors. */
import { describe, expect, it } from "vitest";
import { createTF, type TF } from "../../tf.js";
import type { RunRecord, SummaryRecord } from "../../records.js";
import { decodeSummary, histogramOf } from "../../format/summary_text.js";
import { crc32c } from "../../format/tfevents.js";
import { MemoryFiles } from "../../files.js";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyTF = TF & Record<string, any>;

function program() {
  const summaries: SummaryRecord[] = [];
  const runs: RunRecord[] = [];
  const tf = createTF({ onSummary: (s) => summaries.push(s), onRun: (r) => runs.push(structuredClone(r)) }) as AnyTF;
  return { tf, summaries, runs };
}

describe("tf.summary", () => {
  it("names a scalar summary after its tag, with TF's scope and family rules", () => {
    const { tf } = program();
    const x = tf.constant(1.5);
    expect(String(tf.summary.scalar("loss", x))).toBe('Tensor("loss:0", shape=(), dtype=string)');
    expect(tf.get_default_graph().get_operation_by_name("loss/tags").type).toBe("Const");
    const scoped = tf.name_scope("train", () => tf.summary.scalar("loss", x));
    expect(scoped.name).toBe("train/loss:0");
    expect(tf.summary.scalar("my loss!", x).name).toBe("my_loss_:0");
    expect(tf.summary.scalar("loss", x, { family: "fam" }).name).toBe("fam/loss:0");
    expect(String(tf.summary.merge_all())).toBe('Tensor("Merge/MergeSummary:0", shape=(), dtype=string)');
    const sess = tf.Session();
    const tags = decodeSummary((sess.run(tf.get_default_graph().get_tensor_by_name("Merge/MergeSummary:0")) as { decode(): string }).decode()).map((v) => v.tag);
    expect(tags).toEqual(["loss", "train/loss", "my_loss_", "fam/fam/loss"]);
  });

  it("merge_all is None without summaries", () => {
    expect(program().tf.summary.merge_all()).toBe(null);
  });

  it("FileWriter.add_summary hands each value over with its step, a float32 as the proto keeps it", () => {
    const { tf, summaries, runs } = program();
    const w = tf.Variable(0.1, { name: "w" });
    const step = tf.assign_add(w, 0.1);
    tf.summary.scalar("weight", w);
    tf.summary.histogram("w_hist", tf.stack([w, tf.multiply(w, 2.0)]));
    const merged = tf.summary.merge_all();
    const sess = tf.Session();
    sess.run(w.initializer);
    const writer = tf.summary.FileWriter("/tmp/logs", sess.graph);
    for (let i = 0; i < 3; i++) {
      writer.add_summary(sess.run(merged), i);
      sess.run(step);
    }
    writer.close();
    writer.add_summary(sess.run(merged), 99); // dropped: the writer is closed
    expect(summaries.filter((s) => s.tag === "weight").map((s) => [s.logdir, s.step, s.value])).toEqual([
      ["/tmp/logs", 0, Math.fround(0.1)],
      ["/tmp/logs", 1, Math.fround(Math.fround(0.1) + Math.fround(0.1))],
      ["/tmp/logs", 2, Math.fround(Math.fround(Math.fround(0.1) + Math.fround(0.1)) + Math.fround(0.1))],
    ]);
    expect(summaries.find((s) => s.tag === "w_hist")).toMatchObject({ value: null, histogram: { num: 2, min: Math.fround(0.1) } });
    // The summary ops' values are side effects of the run that computed them.
    expect(runs[1].side_effects.filter((e) => e.kind === "summary").map((e) => [e.op, e.target, e.text])).toEqual([
      ["weight", "weight", "scalar"],
      ["w_hist", "w_hist", "histogram"],
    ]);
  });

  it("writes a TensorBoard event file in TFRecord framing: created with the version event, the summaries at flush and close", () => {
    expect(crc32c(new TextEncoder().encode("123456789"))).toBe(0xe3069283); // the CRC-32C check value
    const files = new MemoryFiles();
    const tf = createTF({ files }) as AnyTF;
    const s = tf.summary.scalar("x", tf.constant(2.5));
    const writer = tf.summary.FileWriter("/tmp/logs");
    const [path] = files.list();
    expect(path).toMatch(/^\/tmp\/logs\/events\.out\.tfevents\.\d{10}\.playground$/);
    const records = (bytes: Uint8Array) => {
      const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      let n = 0;
      for (let p = 0; p < bytes.length; n++) p += 16 + Number(dv.getBigUint64(p, true));
      return n;
    };
    expect(records(files.read(path)!)).toBe(1);
    writer.add_summary(tf.Session().run(s), 7);
    expect(records(files.read(path)!)).toBe(1); // not flushed yet
    writer.close();
    const bytes = files.read(path)!;
    expect(records(bytes)).toBe(2);
    expect(new TextDecoder().decode(bytes)).toContain("brain.Event:2");
  });

  it("add_summary wants the run's value, not the summary tensor", () => {
    const { tf } = program();
    const s = tf.summary.scalar("x", tf.constant(1.0));
    expect(() => tf.summary.FileWriter("/tmp").add_summary(s)).toThrow("a bytes-like object is required, not 'Tensor'");
  });

  it("raises TF's errors: mismatched tags and values, NaN in a histogram, a duplicate tag", () => {
    const { tf } = program();
    const sess = tf.Session();
    expect(() => sess.run(tf.summary.scalar("x", tf.constant([1.0, 2.0])))).toThrow("tags and values not the same shape: [] != [2] (tag 'x')");
    expect(() => sess.run(tf.summary.histogram("h", tf.constant([1.0, NaN])))).toThrow("Nan in summary histogram for: h");
    const s = tf.summary.scalar("y", tf.constant(1.0));
    expect(() => sess.run(tf.summary.merge([s, s]))).toThrow("Duplicate tag y found in summary inputs");
  });

  it("buckets a histogram with TF's default limits, folding runs of empty buckets", () => {
    const h = histogramOf([0.5, 0.5, 2]);
    expect([h.min, h.max, h.num, h.sum, h.sum_squares]).toEqual([0.5, 2, 3, 3, 4.5]);
    expect(h.bucket.reduce((a, b) => a + b, 0)).toBe(3);
    // Non-empty buckets hold the values: 0.5 and 2 each lie below their bucket's limit.
    const full = h.bucket.flatMap((c, i) => (c > 0 ? [[c, h.bucket_limit[i]]] : []));
    expect(full.map(([c]) => c)).toEqual([2, 1]);
    expect(full[0][1]).toBeGreaterThan(0.5);
    expect(full[0][1]).toBeLessThan(0.5 * 1.1);
  });
});
