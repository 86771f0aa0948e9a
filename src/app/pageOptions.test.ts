import { describe, expect, it } from "vitest";
import { parsePageOptions } from "./pageOptions";

describe("parsePageOptions", () => {
  it("reads embed and the panes to hide, ignoring unknown names", () => {
    const o = parsePageOptions("?embed=1&hide=console,Runs,nonsense");
    expect(o.embed).toBe(true);
    expect([...o.hidden].sort()).toEqual(["console", "runs"]);
    expect(parsePageOptions("").embed).toBe(false);
  });
});
