import { describe, expect, it } from "vitest";
import { nodeRefs, parseInline, parseMarkdown } from "./markdown";

describe("parseMarkdown", () => {
  it("splits paragraphs, headings, lists, quotes and code blocks", () => {
    const blocks = parseMarkdown("# Title\n\nOne line\nwrapped.\n\n1. first\n   more\n2. second\n\n- a\n- b\n\n> note\n\n```ts\nconst x = 1;   // [1]\n```\n");
    expect(blocks.map((b) => b.type)).toEqual(["heading", "paragraph", "list", "list", "quote", "code"]);
    expect(blocks[1]).toEqual({ type: "paragraph", children: [{ type: "text", text: "One line wrapped." }] });
    expect(blocks[2]).toMatchObject({ ordered: true, start: 1, items: [[{ type: "text", text: "first more" }], [{ type: "text", text: "second" }]] });
    expect(blocks[5]).toEqual({ type: "code", lang: "ts", text: "const x = 1;   // [1]" });
  });

  it("keeps a fence of three backticks inside a four-backtick block", () => {
    expect(parseMarkdown("````md\n```ts\nx\n```\n````")).toEqual([{ type: "code", lang: "md", text: "```ts\nx\n```" }]);
  });

  it("continues a numbered list across blank lines", () => {
    expect(parseMarkdown("1. a\n\n2. b")).toHaveLength(1);
  });
});

describe("parseInline", () => {
  it("reads code, strong, emphasis and node references", () => {
    expect(parseInline("a `b` **c** *d* [[node:Const_1]] [[node:add|the sum]]")).toEqual([
      { type: "text", text: "a " },
      { type: "code", text: "b" },
      { type: "text", text: " " },
      { type: "strong", children: [{ type: "text", text: "c" }] },
      { type: "text", text: " " },
      { type: "em", children: [{ type: "text", text: "d" }] },
      { type: "text", text: " " },
      { type: "node", name: "Const_1", label: "Const_1" },
      { type: "text", text: " " },
      { type: "node", name: "add", label: "the sum" },
    ]);
  });

  it("reads double-backtick code that contains backticks", () => {
    expect(parseInline("`` run `x` ``")).toEqual([{ type: "code", text: "run `x`" }]);
  });

  it("leaves snake_case and lone stars as text", () => {
    expect(parseInline("feed_dict and 2 * 3")).toEqual([{ type: "text", text: "feed_dict and 2 * 3" }]);
  });

  it("follows web links only", () => {
    expect(parseInline("[docs](https://x.org)")).toEqual([{ type: "link", href: "https://x.org", children: [{ type: "text", text: "docs" }] }]);
    expect(parseInline("[bad](javascript:alert(1))")).toEqual([{ type: "text", text: "bad" }, { type: "text", text: ")" }]);
  });
});

describe("nodeRefs", () => {
  it("lists the nodes prose refers to", () => {
    expect(nodeRefs("See [[node:mul]] and [[node:Placeholder|the input]].")).toEqual(["mul", "Placeholder"]);
  });
});
