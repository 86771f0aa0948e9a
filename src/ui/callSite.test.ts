import { describe, expect, it } from "vitest";
import { fetchTexts, flattenFetches, labelOf, runCallsAt } from "./callSite";

const texts = (source: string, line = 1) => runCallsAt(source, line).map(fetchTexts);

describe("runCallsAt", () => {
  it("reads a single fetch, a list, and nested lists in TF's flattening order", () => {
    expect(texts("sess.run(loss);")).toEqual([["loss"]]);
    expect(texts("const [l, _] = sess.run([loss, train_op], {feed_dict: {[x]: 1}});")).toEqual([["loss", "train_op"]]);
    expect(texts("sess.run([a, [b, c]], {[x]: 2})")).toEqual([["a", "b", "c"]]);
  });

  it("reads an object's values in order, shorthand included", () => {
    expect(texts("const out = sess.run({loss: l, acc, 'step': model.step});")).toEqual([["l", "acc", "model.step"]]);
  });

  it("takes the receiver of eval() and of op.run() with no fetch argument", () => {
    expect(texts("print(loss.eval({feed_dict: {[x]: 3}}))")).toEqual([["loss"]]);
    expect(texts("train_op.run()")).toEqual([["train_op"]]);
    expect(texts("init.run({session: sess})")).toEqual([["init"]]);
    expect(texts("this.model.loss.eval()")).toEqual([["this.model.loss"]]);
  });

  it("follows a call over several lines, past comments and strings holding brackets", () => {
    const source = ["const [l] = sess.run(", "  [loss, // the loss ]", '   acc /* ) */], {feed_dict: {[s]: "a)b"}}', ");", "sess.run(other);"].join("\n");
    expect(texts(source)).toEqual([["loss", "acc"]]);
  });

  it("finds every call on a line, and only the statement that starts there", () => {
    expect(texts("print(sess.run(a), sess.run([b, c]));\nsess.run(d);")).toEqual([["a"], ["b", "c"]]);
    expect(texts("sess.run(a)\nsess.run(b)")).toEqual([["a"]]);
    expect(texts("x = 1;\nsess.run(a);", 2)).toEqual([["a"]]);
  });

  it("gives nothing for what it cannot read: a spread, a line past the end, no call", () => {
    expect(texts("sess.run([...fetches])")).toEqual([null]);
    expect(runCallsAt("sess.run(a)", 5)).toEqual([]);
    expect(runCallsAt("const run = 3;", 1)).toEqual([]);
  });
});

describe("flattenFetches", () => {
  it("unwraps parentheses and keeps expressions whole", () => {
    expect(flattenFetches("((a + b))")).toEqual(["a + b"]);
    expect(flattenFetches("[f(x, y), g]")).toEqual(["f(x, y)", "g"]);
  });
});

describe("labelOf", () => {
  it("names variables and short expressions, not calls", () => {
    expect(labelOf("loss")).toBe("loss");
    expect(labelOf("model . loss")).toBe("model.loss");
    expect(labelOf("a + b")).toBe("a + b");
    expect(labelOf("tf.global_variables_initializer()")).toBeNull();
  });
});
