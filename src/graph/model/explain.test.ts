import { describe, expect, it } from "vitest";
import { explainFailure, type ExplainContext } from "./explain";
import { ASSIGN_SOURCE, assignNodes, COMPUTATION_PATH_SOURCE, computationPathNodes, REGRESSION_SOURCE, regressionNodes } from "./fixtures";
import { learnerNames } from "./learnerNames";
import { buildStructure } from "./structure";
import { op, run, variable } from "./testing";
import type { NodeEvent } from "../../runner/events";

function context(nodes: NodeEvent[], source: string | null): ExplainContext {
  const structure = buildStructure(nodes);
  return { structure, names: learnerNames(structure, source), source };
}

const unfed = (line: number | null) =>
  run({
    index: 1,
    line,
    fetches: ["add:0"],
    path: ["Placeholder"],
    ok: false,
    error: { type: "InvalidArgumentError", message: "You must feed a value for placeholder tensor 'Placeholder' with dtype int32\n\t [[node Placeholder ]]", op: "Placeholder", path: ["add", "Placeholder"], line: 1 },
  });

const uninitialized = (fetch: string, path: string[], line: number | null, session = 0) =>
  run({
    session,
    line,
    fetches: [`${fetch}:0`],
    path: [],
    ok: false,
    error: { type: "FailedPreconditionError", message: "Attempting to use uninitialized value count\n\t [[node count ]]", op: "count", path, line: 1 },
  });

describe("explainFailure", () => {
  it("explains the tutorial's unfed placeholder in the learner's names, with the feed_dict line to write", () => {
    const e = explainFailure(context(computationPathNodes(), COMPUTATION_PATH_SOURCE), unfed(6))!;
    expect(e).toEqual({
      errorType: "InvalidArgumentError",
      title: "`input_placeholder` was not fed",
      fetched: "You ran `sess.run(sum_node)` on line 6.",
      why: "`sum_node` (add) needs `input_placeholder` (Placeholder). A placeholder has no value of its own: every run whose computation path reaches it must feed it.",
      chain: ["add", "Placeholder"],
      culprit: "Placeholder",
      fixes: [
        { text: "Feed it: give `input_placeholder` a value in this run's feed_dict.", code: "sess.run(sum_node, {feed_dict: {[input_placeholder]: /* value */}})" },
        { text: "Or fetch something that does not depend on `input_placeholder`, such as `three_node`: its path never reaches the placeholder." },
      ],
    });
  });

  it("falls back to op names when there is no source", () => {
    const e = explainFailure(context(computationPathNodes(), null), unfed(null))!;
    expect(e.title).toBe("`Placeholder` was not fed");
    expect(e.fetched).toBe("You fetched `add`.");
    expect(e.fixes[0].code).toBe('sess.run(add, {feed_dict: {"Placeholder:0": /* value */}})');
    expect(e.fixes[1].text).toBe("Or fetch something that does not depend on `Placeholder`, such as `Const`: its path never reaches the placeholder.");
  });

  it("adds the missing feed to the feeds the learner already wrote", () => {
    const nodes = regressionNodes();
    const source = REGRESSION_SOURCE.replace("[input_placeholder]: 1.0, [output_placeholder]: 2.0", "[input_placeholder]: 1.0");
    const ctx = context(nodes, source);
    const e = explainFailure(
      ctx,
      run({
        line: 14,
        fetches: ["Square:0", "GradientDescent"],
        feeds: ["Placeholder:0"],
        path: ["Placeholder_1"],
        ok: false,
        error: { type: "InvalidArgumentError", message: "You must feed a value for placeholder tensor 'Placeholder_1' with dtype float", op: "Placeholder_1", path: ["Square", "sub", "Placeholder_1"], line: 5 },
      }),
    )!;
    expect(e.why.startsWith("`loss` (Square) needs `sub`, which needs `output_placeholder` (Placeholder_1).")).toBe(true);
    expect(e.fixes[0].code).toBe("sess.run([loss, train_op], {feed_dict: {[input_placeholder]: 1.0, [output_placeholder]: /* value */}})");
  });

  it("suggests running the initializer when the graph has one that covers the variable", () => {
    const nodes = [...assignNodes(), op("init", "NoOp", { control: ["count/Assign"], line: 4 })];
    const source = ASSIGN_SOURCE.split("\n").slice(0, 3).concat(["const init = tf.global_variables_initializer();", "const sess = tf.Session();", "print(sess.run(count_variable));"]).join("\n");
    const e = explainFailure(context(nodes, source), uninitialized("count/read", ["count/read", "count"], 6))!;
    expect(e.title).toBe("`count_variable` has no value yet");
    expect(e.why).toBe("`count_variable` (count) itself is the culprit. A variable's value lives in the session, and this session has not given `count_variable` one.");
    expect(e.fixes).toEqual([
      { text: "Run the initializer first: `init` gives `count_variable` its initial value in this session.", code: "sess.run(init);" },
      { text: "Or give it a value with an assign, which writes the variable as a side effect.", code: "sess.run(tf.assign(count_variable, /* value */));" },
    ]);
  });

  it("says to create the variable before the initializer when the initializer came first", () => {
    const nodes = [op("init", "NoOp", { line: 1 }), ...variable("count", 2)];
    const source = ["const init = tf.global_variables_initializer();", 'const count_variable = tf.get_variable("count", []);', "const sess = tf.Session();", "sess.run(init);", "print(sess.run(count_variable));"].join("\n");
    const e = explainFailure(context(nodes, source), uninitialized("count/read", ["count/read", "count"], 5))!;
    expect(e.fixes[0]).toEqual({
      text: "Create `count_variable` before `tf.global_variables_initializer()` (line 1): the initializer only covers the variables that exist when it is created.",
    });
  });

  it("suggests adding an initializer when there is none", () => {
    const e = explainFailure(context(assignNodes(), ASSIGN_SOURCE), uninitialized("count/read", ["count/read", "count"], 6))!;
    expect(e.fixes[0]).toEqual({
      text: "Add an initializer after creating your variables and run it before this line.",
      code: "const init = tf.global_variables_initializer();\nsess.run(init);",
    });
  });

  it("points out a variable initialized in another session", () => {
    const ctx = { ...context(assignNodes(), ASSIGN_SOURCE), memories: new Map([[0, { count: 0 }], [1, { count: null }]]) };
    const e = explainFailure(ctx, uninitialized("count/read", ["count/read", "count"], 6, 1))!;
    expect(e.fixes[0].text).toBe("Each session has its own memory: `count_variable` has a value in session 0, not in this one (session 1). Initialize it in this session too.");
  });

  it("returns null for a run that succeeded", () => {
    expect(explainFailure(context(assignNodes(), null), run({ path: ["Const"] }))).toBeNull();
  });

  it("gives TF's message for other failures", () => {
    const e = explainFailure(
      context(computationPathNodes(), null),
      run({ fetches: ["add:0"], path: ["Const", "add"], ok: false, error: { type: "InvalidArgumentError", message: "Incompatible shapes: [2] vs. [3]\n\t [[node add ]]", op: "add", path: ["add"], line: 3 } }),
    )!;
    expect(e.title).toBe("InvalidArgumentError at `add`");
    expect(e.why).toBe("`add` itself is the culprit. Incompatible shapes: [2] vs. [3]");
    expect(e.fixes).toEqual([]);
  });
});

describe("explainFailure at the end of the data", () => {
  const ITERATOR_SOURCE = "const it = ds.make_initializable_iterator();\nconst next_element = it.get_next();\nconst sess = tf.Session();\nsess.run(it.initializer);\nsess.run(next_element);\n";
  const nodes = (): NodeEvent[] => [
    op("RangeDataset", "RangeDataset", { dtype: "variant" }),
    op("IteratorV2", "IteratorV2", { dtype: "resource", effects: ["iterator"] }),
    op("MakeIterator", "MakeIterator", { inputs: ["RangeDataset:0", "IteratorV2:0"], dtype: null, effects: ["iterator"] }),
    op("IteratorGetNext", "IteratorGetNext", { inputs: ["IteratorV2:0"], dtype: "int64", effects: ["iterator"], line: 2 }),
  ];
  it("calls an iterator's OutOfRangeError the end of its data, with the loop's exit and the initializer as fixes", () => {
    const e = explainFailure(
      context(nodes(), ITERATOR_SOURCE),
      run({ line: 5, fetches: ["IteratorGetNext:0"], path: ["IteratorV2", "IteratorGetNext"], ok: false, error: { type: "OutOfRangeError", message: "End of sequence\n\t [[node IteratorGetNext ]]", op: "IteratorGetNext", path: ["IteratorGetNext"], line: 2 } }),
    )!;
    expect(e.title).toContain("has no elements left");
    expect(e.why).toContain("its position is in Session memory");
    expect(e.fixes.map((f) => f.code ?? "")).toContain("sess.run(iterator.initializer);");
    expect(e.fixes[0].code).toContain("e instanceof tf.errors.OutOfRangeError");
  });
});
