import { describe, expect, it } from "vitest";
import { assignNodes, regressionNodes } from "../model/fixtures";
import { buildStructure } from "../model/structure";
import { buildView } from "../model/view";
import { op } from "../model/testing";
import { groupBoxes, layoutKey, provisional, segments, stabilize } from "./positions";
import { nodeLabel, nodeSize } from "./sizes";

const sizesOf = (view: ReturnType<typeof buildView>) => new Map(view.nodes.map((n) => [n.id, nodeSize(nodeLabel(n, undefined))]));

describe("stabilize", () => {
  it("shifts a new layout so shared nodes keep their mean place", () => {
    const next = { centers: new Map([["a", { x: 10, y: 10 }], ["b", { x: 30, y: 10 }], ["c", { x: 20, y: 50 }]]), boxes: new Map([["g", { x: 0, y: 0, width: 5, height: 5 }]]), routes: new Map([["e", [{ x: 1, y: 1 }]]]) };
    const prev = new Map([["a", { x: 110, y: 20 }], ["b", { x: 130, y: 20 }]]);
    const out = stabilize(next, prev);
    expect([...out.centers]).toEqual([["a", { x: 110, y: 20 }], ["b", { x: 130, y: 20 }], ["c", { x: 120, y: 60 }]]);
    expect(out.boxes.get("g")).toEqual({ x: 100, y: 10, width: 5, height: 5 });
    expect(out.routes.get("e")).toEqual([{ x: 101, y: 11 }]);
  });

  it("leaves a layout alone when nothing is shared", () => {
    const next = { centers: new Map([["a", { x: 1, y: 2 }]]), boxes: new Map(), routes: new Map() };
    expect(stabilize(next, new Map())).toBe(next);
  });
});

describe("provisional", () => {
  it("puts new nodes under the node they read, side by side, and unconnected ones in a row below", () => {
    const view = buildView(buildStructure([op("a", "Const"), op("b", "Neg", { inputs: ["a:0"] }), op("c", "Abs", { inputs: ["a:0"] }), op("d", "Const")]));
    const out = provisional(view, new Map([["n:a", { x: 100, y: 40 }]]));
    expect([...out]).toEqual([
      ["n:a", { x: 100, y: 40 }],
      ["n:b", { x: 100, y: 112 }],
      ["n:c", { x: 190, y: 112 }],
      ["n:d", { x: 100, y: 112 }],
    ]);
  });
});

describe("layoutKey", () => {
  it("is the same for the same structure and differs when an edge or a collapse changes", () => {
    const a = buildView(buildStructure(assignNodes()));
    const b = buildView(buildStructure(assignNodes()));
    expect(layoutKey(a, sizesOf(a))).toBe(layoutKey(b, sizesOf(b)));
    const s = buildStructure(regressionNodes());
    const c = buildView(s);
    const d = buildView(s, new Map([["gradients", false]]));
    expect(layoutKey(c, sizesOf(c))).not.toBe(layoutKey(d, sizesOf(d)));
    const e = buildView(buildStructure([...assignNodes(), op("x", "Neg", { inputs: ["Const:0"] })]));
    expect(layoutKey(a, sizesOf(a))).not.toBe(layoutKey(e, sizesOf(e)));
  });
});

describe("segments", () => {
  it("expresses bends as fractions along the centre line and distances off it", () => {
    expect(segments({ x: 0, y: 0 }, { x: 0, y: 100 }, [{ x: 0, y: 50 }, { x: -20, y: 80 }])).toEqual({ weights: [0.5, 0.8], distances: [0, 20] });
    expect(segments({ x: 0, y: 0 }, { x: 0, y: 0 }, [{ x: 1, y: 1 }])).toBeNull();
  });
});

describe("groupBoxes", () => {
  it("wraps expanded groups around their children, nested groups included", () => {
    const nodes = [
      { id: "g:a", parent: null, w: 0, h: 0, expanded: true },
      { id: "n:x", parent: "g:a", w: 20, h: 10, expanded: false },
      { id: "g:a/b", parent: "g:a", w: 0, h: 0, expanded: true },
      { id: "n:y", parent: "g:a/b", w: 10, h: 10, expanded: false },
      { id: "n:z", parent: null, w: 10, h: 10, expanded: false },
    ];
    const centers = new Map([["n:x", { x: 0, y: 0 }], ["n:y", { x: 100, y: 100 }], ["n:z", { x: 500, y: 500 }]]);
    const boxes = groupBoxes(nodes, centers);
    expect(boxes.get("g:a/b")).toEqual({ x1: 83, y1: 67, x2: 117, y2: 117 });
    expect(boxes.get("g:a")).toEqual({ x1: -22, y1: -33, x2: 129, y2: 129 });
    expect(boxes.size).toBe(2);
  });
});
