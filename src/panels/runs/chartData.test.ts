import { describe, expect, it } from "vitest";
import { emptyRuns } from "../../store/runs";
import type { RunEntry } from "../../store";
import { runProgram } from "../../runner/run_program";
import { Summarizer, type ScalarSeries as RunnerSeries } from "../../runner/summarize";
import { alignSeries, chartAxis, chartSeries, logMode, smooth } from "./chartData";

const LOSS_SOURCE = ["const x = tf.placeholder(tf.float32);", "const loss = tf.square(x);", "const sess = tf.Session();", "for (const i of range(3)) sess.run(loss, {feed_dict: {[x]: i}});"].join("\n");

describe("chartSeries", () => {
  it("names a series by the learner's fetch and leaves out a value fetched once", () => {
    const nodes = [
      { type: "node" as const, name: "Placeholder", op: "Placeholder", inputs: [], control_inputs: [], ref_inputs: [], dtype: "float32", shape: "<unknown>", line: 1, effects: ["placeholder"], graph: 0 },
      { type: "node" as const, name: "Square", op: "Square", inputs: ["Placeholder:0"], control_inputs: [], ref_inputs: [], dtype: "float32", shape: "<unknown>", line: 2, effects: [], graph: 0 },
    ];
    const run: RunEntry = { type: "run", index: 2, session: 0, line: 4, fetches: ["Square:0"], feeds: ["Placeholder:0"], path: ["Square"], side_effects: [], ok: true, graph: 0, plan: 0 };
    const runs = { ...emptyRuns(), head: [run] };
    const series = {
      "Square:0": { key: "Square:0", tensor: "Square:0", line: null, xs: [0, 1, 2], ys: [0, 1, 4] },
      "Placeholder:0": { key: "Placeholder:0", tensor: "Placeholder:0", line: null, xs: [2], ys: [2] },
    };
    expect(chartSeries({ series, nodes, source: LOSS_SOURCE, runs }).map((s) => [s.label, s.ys])).toEqual([["loss", [0, 1, 4]]]);
  });
});

describe("summaries in the chart", () => {
  it("charts what a FileWriter wrote under its tags by step, as TensorBoard's Scalars, instead of the fetches", async () => {
    const source = [
      "const x = tf.placeholder(tf.float32);",
      "const loss = tf.square(x);",
      "tf.summary.scalar('loss', loss);",
      "tf.summary.scalar('x', x);",
      "const merged = tf.summary.merge_all();",
      "const writer = tf.summary.FileWriter('/tmp/logs');",
      "const sess = tf.Session();",
      "for (const i of range(5)) {",
      "  const [s, l] = sess.run([merged, loss], {feed_dict: {[x]: i}});",
      "  writer.add_summary(s, 10 * i);",
      "}",
    ].join("\n");
    const got: RunnerSeries[] = [];
    const summarizer = new Summarizer({ onBatch: (b) => got.push(...b.series) });
    await runProgram(source, { seed: 1, emit: summarizer.push, values: "fetches" });
    const series = Object.fromEntries(got.map((s) => [s.name, { key: s.name, tensor: s.name, line: null, xs: s.x, ys: s.y }]));
    const program = { series, nodes: [], source, runs: emptyRuns() };
    expect(chartAxis(program)).toBe("step");
    expect(chartSeries(program).map((s) => [s.label, s.xs, s.ys])).toEqual([
      ["loss", [0, 10, 20, 30, 40], [0, 1, 4, 9, 16]],
      ["x", [0, 10, 20, 30, 40], [0, 1, 2, 3, 4]],
    ]);
    // A summary's value is a float32 (simple_value): the readout prints 16.0, not 16.
    expect(chartSeries(program).map((s) => s.dtype)).toEqual(["float32", "float32"]);
    // The fetched loss is still a run series, for a program without summaries' axis.
    expect(chartSeries(program, "run").map((s) => s.tensor)).toEqual(["Square:0"]);
  });
});

describe("smooth", () => {
  it("is TensorBoard's debiased exponential moving average", () => {
    expect(smooth([1, 2, 3], 0)).toEqual([1, 2, 3]);
    const w = 0.6;
    const [a, b, c] = smooth([1, 2, 3], w);
    // Debiased: the first point is itself, later ones weigh the past by w.
    expect(a).toBeCloseTo(1, 12);
    expect(b).toBeCloseTo((w * (1 - w) * 1 + (1 - w) * 2) / (1 - w * w), 12);
    expect(c).toBeCloseTo((w * w * (1 - w) * 1 + w * (1 - w) * 2 + (1 - w) * 3) / (1 - w ** 3), 12);
    // A constant series stays constant, and NaN passes through without poisoning later points.
    expect(smooth([5, 5, 5, 5], 0.9).every((y) => Math.abs(y - 5) < 1e-12)).toBe(true);
    expect(smooth([1, NaN, 1], 0.5)).toEqual([1, NaN, 1]);
  });
});

describe("logMode", () => {
  it("is a plain log for positive values, drops zeros and negatives (counting them), and is symlog when nothing is positive", () => {
    expect(logMode([{ ys: [1, 0.1, 0.01] }])).toEqual({ mode: "log", dropped: 0 });
    expect(logMode([{ ys: [1, 0, 0.01, -2] }])).toEqual({ mode: "log-dropping", dropped: 2 });
    expect(logMode([{ ys: [0, -1] }])).toEqual({ mode: "symlog", dropped: 0 });
  });
});

describe("alignSeries", () => {
  it("puts series on the union of their run indices with gaps as null", () => {
    const [x, a, b] = alignSeries([
      { xs: [0, 2], ys: [1, 3] },
      { xs: [1, 2], ys: [5, 6] },
    ]);
    expect([...x]).toEqual([0, 1, 2]);
    expect(a).toEqual([1, null, 3]);
    expect(b).toEqual([null, 5, 6]);
  });
});
