import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runProgram } from "../runner/run_program";
import { createHandler } from "./handler";
import { parseFromWorker, type FromWorker } from "./protocol";

/** Every message the real handler posts for `source`, as the page receives them (cloned). */
async function messagesOf(source: string, runId = 1): Promise<unknown[]> {
  const out: unknown[] = [];
  const handle = createHandler({ post: (m: FromWorker) => out.push(structuredClone(m)), run: runProgram, now: () => performance.now() });
  await handle({ type: "start", runId, source, seed: 3 });
  return out;
}

const batch = (over: Record<string, unknown> = {}) => ({
  type: "batch",
  items: [{ type: "stdout", text: "hi" }],
  aggregates: [],
  series: [],
  counts: { runs: 0, runs_aggregated: 0, lines: 1, lines_omitted: 0, nodes: 0, nodes_omitted: 0 },
  latest_run: null,
  recent_lines: [],
  final: false,
  ...over,
});

describe("parseFromWorker", () => {
  it("accepts every message the worker sends for the tutorial's programs", async () => {
    const dir = "examples/tutorial";
    for (const file of readdirSync(dir).filter((f) => f.endsWith(".ts"))) {
      for (const m of await messagesOf(readFileSync(join(dir, file), "utf8"))) {
        const parsed = parseFromWorker(m, 1);
        expect(parsed.ok ? "ok" : `${file}: ${parsed.error}`).toBe("ok");
      }
    }
  });

  it("accepts the messages of a program with variables, errors, diagnostics and a long loop", async () => {
    const source = [
      "const x = tf.placeholder(tf.float32, {shape: [null, 2]});",
      "const w = tf.Variable([[1.0], [2.0]], {name: 'w'});",
      "const y = tf.matmul(x, w);",
      "const step = tf.assign_add(w, [[0.5], [0.5]]);",
      "const sess = tf.Session();",
      "sess.run(tf.global_variables_initializer());",
      "for (let i = 0; i < 3000; i++) sess.run([y, step], {feed_dict: {[x]: [[1, 2]]}});",
      "print(tf.Print(y, [y], 'y='));",
      "sess.run(y);",
    ].join("\n");
    const messages = await messagesOf(source);
    expect(messages.length).toBeGreaterThan(1);
    for (const m of messages) {
      const parsed = parseFromWorker(m, 1);
      expect(parsed.ok ? "ok" : parsed.error).toBe("ok");
    }
  });

  it("accepts the messages of a program with conds and while loops run thousands of times", async () => {
    const source = [
      "const x = tf.placeholder(tf.float32, []);",
      "const r = tf.cond(tf.less(x, 3.0), () => x * 2.0, () => tf.Print(x, [x], 'big '));",
      "const w = tf.while_loop((i, a) => tf.less(i, 4), (i, a) => [i + 1, a + x], [tf.constant(0), tf.constant(0.0)]);",
      "const sess = tf.Session();",
      "for (let i = 0; i < 2500; i++) sess.run([r, w], {feed_dict: {[x]: i % 5}});",
    ].join("\n");
    const messages = await messagesOf(source);
    const text = JSON.stringify(messages);
    // The flow fields are there to be checked: dead ops, iteration counts, the ops' contexts.
    expect(text).toContain('"dead":["cond/Print"]');
    expect(text).toContain('"loops":[{"frame":"while/while_context","iterations":4,"entered":1}]');
    expect(text).toContain('"flow":[{"kind":"cond"');
    // The first runs list their op visits, a loop's body once per pass.
    expect(text).toContain('{"op":"while/add","frame":"while/while_context","iteration":0');
    for (const m of messages) {
      const parsed = parseFromWorker(m, 1);
      expect(parsed.ok ? "ok" : parsed.error).toBe("ok");
    }
  });

  it("drops a message of another run, and says why", () => {
    expect(parseFromWorker({ type: "at", runId: 2, line: 3 }, 1)).toEqual({ ok: false, error: "message.runId: 2 is not this worker's run (1)" });
    expect(parseFromWorker({ type: "at", runId: 1, line: 3 }, 1).ok).toBe(true);
  });

  it("accepts the Python worker's booted signal, which comes before any run, and nothing more in it", () => {
    expect(parseFromWorker({ type: "booted" }, 7)).toEqual({ ok: true, message: { type: "booted" } });
    expect(parseFromWorker({ type: "booted", runId: 7 }, 7)).toEqual({ ok: false, error: 'message: unexpected key "runId"' });
    expect(parseFromWorker({ type: "booted", text: "<img src=x>" }, 7).ok).toBe(false);
  });

  it("drops malformed messages, naming the part that does not fit", () => {
    const bad = (data: unknown) => {
      const p = parseFromWorker(data, 1);
      return p.ok ? "accepted" : p.error;
    };
    expect(bad(null)).toBe("message: expected an object");
    expect(bad("<img src=x onerror=alert(1)>")).toBe("message: expected an object");
    expect(bad({ type: "batch", runId: 1, line: null, batch: batch({ items: [{ type: "stdout", text: 5 }] }) })).toBe("message.batch.items[0].text: expected a string");
    expect(bad({ type: "batch", runId: 1, line: null, batch: batch({ items: [{ type: "node", name: {} }] }) })).toMatch(/^message\.batch\.items\[0\]/);
    expect(bad({ type: "batch", runId: 1, line: null, batch: batch({ extra: true }) })).toBe('message.batch: unexpected key "extra"');
    expect(bad({ type: "batch", runId: 1, line: null, batch: batch({ counts: {} }) })).toBe('message.batch.counts: missing "runs"');
    expect(bad({ type: "batch", runId: 1.5, line: null, batch: batch() })).toBe("message.runId: expected an integer");
    expect(bad({ type: "batch", runId: 1, line: null, batch: batch({ items: [{ type: "script", text: "x" }] }) })).toBe('message.batch.items[0]: unknown type "script"');
    expect(bad({ type: "batch", runId: 1, line: null, batch: batch({ recent_lines: [{ type: "stdout", text: "x".repeat(1_000_001) }] }) })).toMatch(/longer than/);
    expect(bad({ type: "batch", runId: 1, line: null, batch: batch() })).toBe("accepted");
  });
});
