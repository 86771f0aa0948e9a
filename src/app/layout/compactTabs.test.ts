import { describe, expect, it } from "vitest";
import type { Pane } from "../pageOptions";
import { compactTabs } from "./CompactWorkspace";

const hidden = (...panes: Pane[]) => new Set<Pane>(panes);

describe("compactTabs", () => {
  it("shows Code, Graph and Output, and Lesson while a lesson is open", () => {
    expect(compactTabs(hidden(), false)).toEqual(["code", "graph", "output"]);
    expect(compactTabs(hidden(), true)).toEqual(["code", "graph", "output", "lesson"]);
  });

  it("leaves out the tabs of hidden panes; Output stays while the console or the runs show", () => {
    expect(compactTabs(hidden("graph", "lessons"), true)).toEqual(["code", "output"]);
    expect(compactTabs(hidden("console"), false)).toEqual(["code", "graph", "output"]);
    expect(compactTabs(hidden("console", "runs"), false)).toEqual(["code", "graph"]);
  });
});
