import { describe, expect, it } from "vitest";
import type { ProgramEvent } from "./events";
import { BUILD_ONLY_STOP } from "./hooks";
import { runProgram } from "./run_program";

async function events(source: string): Promise<ProgramEvent[]> {
  const out: ProgramEvent[] = [];
  await runProgram(source, { seed: 1, buildOnly: true, emit: (e) => void out.push(e) });
  return out;
}

describe("a build-only pass", () => {
  it("emits the graph built before the first sess.run and stops there, before anything runs", async () => {
    const out = await events(["const a = tf.constant(2);", "const b = a * 3;", "const sess = tf.Session();", "print('before');", "print(sess.run(b));", "const c = b + 1;"].join("\n"));
    expect(out.filter((e) => e.type === "node").map((e) => (e.type === "node" ? e.name : ""))).toEqual(["Const", "mul/y", "mul"]);
    expect(out.some((e) => e.type === "run")).toBe(false);
    expect(out.at(-1)).toMatchObject({ type: "end", ok: false, error: { type: "RunnerError", message: expect.stringContaining(BUILD_ONLY_STOP), line: 5 } });
  });

  it("cannot be caught by the program to go on building", async () => {
    const out = await events(["const a = tf.constant(2);", "const sess = tf.Session();", "try { sess.run(a); } catch (e) {}", "const b = a + 1;"].join("\n"));
    expect(out.filter((e) => e.type === "node")).toHaveLength(1);
    expect(out.at(-1)).toMatchObject({ type: "end", ok: false });
  });
});
