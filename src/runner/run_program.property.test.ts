/**
 * Property: whatever small program a learner writes in the dialect, the runner ends it with
 * the program's own error (TF's error types, Python's, JavaScript's for the learner's own
 * mistakes), never an internal one: no RunnerError, no InternalError (the engine's word for
 * a kernel that crashed), no V8 message that only a bug in our code would produce.
 *
 * Programs are built from the dialect's grammar: tensors from constants, placeholders and
 * variables, combined with operators and tf.* calls of random shapes and dtypes, run, fed,
 * printed, in loops and try/catch. The seed is fixed so CI is repeatable; set FC_SEED to
 * explore others.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { EndEvent } from "./events";
import { runProgram } from "./run_program";

/** Messages V8 gives for bugs in JavaScript code (ours, since generated programs never do these). */
const V8_BUG = /Cannot read propert|is not a function|is not iterable|Cannot convert undefined|Cannot convert null|is not a constructor|Cannot destructure|undefined is not|null is not|Cannot set propert/;
const INTERNAL_TYPES = new Set(["RunnerError", "InternalError"]);

const scalar = fc.oneof(
  fc.integer({ min: -5, max: 5 }).map(String),
  fc.constantFrom("0.5", "2.0", "-1.5", "1e-3", "3.25"),
);
const vector = fc.array(scalar, { minLength: 0, maxLength: 4 }).map((xs) => `[${xs.join(", ")}]`);
const matrix = fc.array(fc.array(scalar, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 }).map((rows) => `[${rows.map((r) => `[${r.join(", ")}]`).join(", ")}]`);
const value = fc.oneof(scalar, vector, matrix, fc.constantFrom("true", "null", '"text"'));
const dtype = fc.constantFrom("tf.float32", "tf.int32", "tf.float64", "tf.bool", "tf.string");
const shape = fc.constantFrom("null", "[]", "[2]", "[null]", "[2, 2]", "[null, 3]", "[3, 1]");

/** One statement that defines tensor `t${i}` from earlier tensors (0 ... i-1). */
function definition(i: number): fc.Arbitrary<string> {
  const earlier = i === 0 ? fc.constant("tf.constant(1.0)") : fc.integer({ min: 0, max: i - 1 }).map((k) => `t${k}`);
  const unary = fc.constantFrom("tf.negative", "tf.square", "tf.reduce_sum", "tf.reduce_mean", "tf.sigmoid", "tf.nn.relu", "tf.shape", "tf.transpose", "tf.identity", "tf.abs", "tf.exp", "tf.argmax");
  const binary = fc.constantFrom("+", "-", "*", "/", "**", "<", "%");
  const binaryFn = fc.constantFrom("tf.matmul", "tf.add", "tf.multiply", "tf.maximum", "tf.equal", "tf.concat", "tf.stack", "tf.reshape", "tf.tile", "tf.gather");
  const expr = fc.oneof(
    value.map((v) => `tf.constant(${v})`),
    fc.tuple(value, dtype).map(([v, d]) => `tf.constant(${v}, {dtype: ${d}})`),
    fc.tuple(dtype, shape).map(([d, s]) => `tf.placeholder(${d}, {shape: ${s}})`),
    value.map((v) => `tf.Variable(${v})`),
    fc.tuple(unary, earlier).map(([f, a]) => `${f}(${a})`),
    fc.tuple(earlier, binary, fc.oneof(earlier, scalar)).map(([a, op, b]) => `${a} ${op} ${b}`),
    fc.tuple(binaryFn, earlier, fc.oneof(earlier, value)).map(([f, a, b]) => (f === "tf.concat" || f === "tf.stack" ? `${f}([${a}, ${b}], 0)` : `${f}(${a}, ${b})`)),
    fc.tuple(earlier, earlier).map(([a, b]) => `tf.assign(${a}, ${b})`),
    earlier.map((a) => `tf.Print(${a}, [${a}], "p: ")`),
    fc.tuple(earlier, fc.integer({ min: -2, max: 3 })).map(([a, k]) => `tf.slice(${a}, [${k}], [1])`),
  );
  return expr.map((e) => `const t${i}: any = ${e};`);
}

/** A statement that uses the tensors defined so far. */
function use(n: number): fc.Arbitrary<string> {
  const t = fc.integer({ min: 0, max: n - 1 }).map((k) => `t${k}`);
  return fc.oneof(
    t.map((a) => `print(sess.run(${a}));`),
    fc.tuple(t, t, value).map(([a, p, v]) => `print(sess.run(${a}, {feed_dict: {[${p}]: ${v}}}));`),
    fc.tuple(t, t).map(([a, b]) => `print(sess.run([${a}, ${b}]));`),
    fc.constant("sess.run(tf.global_variables_initializer());"),
    t.map((a) => `print(${a}, ${a}.shape, ${a}.dtype, ${a}.name);`),
    fc.tuple(t, fc.integer({ min: 1, max: 3 })).map(([a, k]) => `for (let i = 0; i < ${k}; i++) { print(i, sess.run(${a})); }`),
    t.map((a) => `print(len([1, 2]), range(3), sess.run(${a}) + 1);`),
    t.map((a) => `print(np.array(sess.run(${a})));`),
    fc.tuple(t, t).map(([a, b]) => `print(tf.gradients(${a}, [${b}]));`),
  );
}

const program = fc.integer({ min: 1, max: 6 }).chain((n) =>
  fc
    .tuple(fc.tuple(...Array.from({ length: n }, (_, i) => definition(i))), fc.array(use(n), { minLength: 1, maxLength: 4 }), fc.boolean())
    .map(([defs, uses, guarded]) => {
      const body = [...defs, "const sess = tf.Session();", ...uses].join("\n");
      return guarded ? `try {\n${body}\n} catch (e) {\n  print("caught", (e as Error).name);\n  throw e;\n}` : body;
    }),
);

function isInternal(end: EndEvent): boolean {
  if (end.ok || !end.error) return false;
  return INTERNAL_TYPES.has(end.error.type) || V8_BUG.test(end.error.message);
}

describe("runProgram on random programs of the dialect", () => {
  it("ends every program with the program's own error or none, never an internal one", async () => {
    await fc.assert(
      fc.asyncProperty(program, async (source) => {
        const end = await runProgram(source, { seed: 1, emit: () => undefined, limits: { maxOps: 2000, maxElements: 100_000 } });
        if (isInternal(end)) throw new Error(`internal error for:\n${source}\n→ ${end.error!.type}: ${end.error!.message}`);
      }),
      { numRuns: 200, seed: Number(process.env.FC_SEED ?? 20_260_301) },
    );
  });

  it("recognizes an internal error (the property's own check)", () => {
    expect(isInternal({ type: "end", ok: false, seed: 1, error: { type: "TypeError", message: "Cannot read properties of undefined (reading 'shape')" } })).toBe(true);
    expect(isInternal({ type: "end", ok: false, seed: 1, error: { type: "InvalidArgumentError", message: "You must feed a value for placeholder tensor 'Placeholder'" } })).toBe(false);
  });
});
