import { describe, expect, it } from "vitest";
import { runProgram } from "./run_program";
import type { RunEvent } from "./events";

describe('values "kept"', () => {
  it("gives every tensor's value for the first runs and for a run of a new computation, the fetched ones for a loop's later steps", async () => {
    const runs: RunEvent[] = [];
    const source = [
      "const x = tf.placeholder(tf.float32);",
      "const y = x * 2.0 + 1.0;",
      "const sess = tf.Session();",
      "for (const i of range(1003)) sess.run(y, {feed_dict: {[x]: i}});",
      "sess.run(x * 3.0, {feed_dict: {[x]: 1}});",
    ].join("\n");
    await runProgram(source, { seed: 1, values: "kept", emit: (e) => void (e.type === "run" && runs.push(e)) });
    expect(runs).toHaveLength(1004);
    // `mul:0` is computed on the path but not fetched.
    expect(runs[0].values).toMatchObject({ "Placeholder:0": 0, "mul:0": 0, "add:0": 1 });
    expect(runs[999].values).toMatchObject({ "mul:0": 1998 });
    expect(runs[1000].values).toEqual({ "Placeholder:0": 1000, "add:0": 2001 });
    expect(Object.keys(runs[1003].values!)).toContain("mul_1/y:0");
  });
});
