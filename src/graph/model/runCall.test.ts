import { describe, expect, it } from "vitest";
import { callWithFeed, parseRunCall } from "./runCall";

describe("parseRunCall", () => {
  it("finds the call inside print(...) and splits its arguments at the top level", () => {
    expect(parseRunCall("print(sess.run([a, b], {feed_dict: {[x]: f(1, 2)}}));")).toEqual({
      session: "sess",
      args: ["[a, b]", "{feed_dict: {[x]: f(1, 2)}}"],
      text: "sess.run([a, b], {feed_dict: {[x]: f(1, 2)}})",
    });
  });

  it("ignores commas and brackets in strings", () => {
    expect(parseRunCall('s.run(t, {"a,)": 1})')!.args).toEqual(["t", '{"a,)": 1}']);
  });

  it("returns null when the call does not end on the line", () => {
    expect(parseRunCall("sess.run(loss, {")).toBeNull();
    expect(parseRunCall("const x = 1;")).toBeNull();
  });
});

describe("callWithFeed", () => {
  const feed = (line: string) => callWithFeed(parseRunCall(line)!, "[x]: /* value */");

  it("adds a feed_dict to a call without one", () => {
    expect(feed("sess.run(sum_node)")).toBe("sess.run(sum_node, {feed_dict: {[x]: /* value */}})");
  });

  it("adds the entry to an existing feed_dict", () => {
    expect(feed("sess.run(y, {feed_dict: {[a]: 1}})")).toBe("sess.run(y, {feed_dict: {[a]: 1, [x]: /* value */}})");
    expect(feed("sess.run(y, {feed_dict: {}})")).toBe("sess.run(y, {feed_dict: {[x]: /* value */}})");
  });

  it("adds the entry to the dialect's bare feed object", () => {
    expect(feed("sess.run(y, {[a]: 1})")).toBe("sess.run(y, {[a]: 1, [x]: /* value */})");
  });

  it("spreads a feed dict held in a variable", () => {
    expect(feed("sess.run(y, {feed_dict: feeds})")).toBe("sess.run(y, {feed_dict: {...feeds, [x]: /* value */}})");
    expect(feed("sess.run(y, options)")).toBe("sess.run(y, {feed_dict: {...options, [x]: /* value */}})");
  });
});
