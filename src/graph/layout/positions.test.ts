import { describe, expect, it } from "vitest";
import { fingerprint, groupBoxes, segments, stabilize } from "./positions";

describe("stabilize", () => {
  it("shifts a new layout so shared nodes keep their mean place", () => {
    const next = { centers: new Map([["a", { x: 10, y: 10 }], ["b", { x: 30, y: 10 }], ["c", { x: 20, y: 50 }]]), routes: new Map([["e", [{ x: 1, y: 1 }]]]) };
    const prev = new Map([["a", { x: 110, y: 20 }], ["b", { x: 130, y: 20 }]]);
    const out = stabilize(next, prev);
    expect([...out.centers]).toEqual([["a", { x: 110, y: 20 }], ["b", { x: 130, y: 20 }], ["c", { x: 120, y: 60 }]]);
    expect(out.routes.get("e")).toEqual([{ x: 101, y: 11 }]);
  });

  it("leaves a layout alone when nothing is shared", () => {
    const next = { centers: new Map([["a", { x: 1, y: 2 }]]), routes: new Map() };
    expect(stabilize(next, new Map())).toBe(next);
  });
});

describe("fingerprint", () => {
  it("is stable for the same text and differs for another", () => {
    expect(fingerprint("a\nb")).toBe(fingerprint("a\nb"));
    expect(fingerprint("a\nb")).not.toBe(fingerprint("a\nc"));
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
