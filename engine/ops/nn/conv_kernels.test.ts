/**
 * The convolution kernels against the definition in TF's conv2d docstring, summed naively:
 * output[b, i, j, k] = Σ_{di, dj, q} input[b, s·i + d·di − pad, s·j + d·dj − pad, q] · filter[di, dj, q, k],
 * for shapes on both sides of every blocking edge (rows and channels not multiples of 4) and
 * for filters on both sides of the size where the filter backprop changes method.
 */
import { describe, expect, it } from "vitest";
import { conv2dBackpropFilter, conv2dBackpropInput, conv2dForward } from "./conv_kernels.js";
import { geometry, type Geometry, type Padding } from "../support/window.js";

function random(n: number, seed: number): Float64Array {
  const a = new Float64Array(n);
  let s = seed;
  for (let i = 0; i < n; i++) {
    s = (s * 1103515245 + 12345) % 2147483648;
    a[i] = s / 2147483648 - 0.5;
  }
  return a;
}

/** Calls f(output position, its input pixel's first index, tap) for every (output, tap) pair whose tap lies inside the input. */
function eachTap(g: Geometry, f: (o: number, xb: number, tap: number) => void): void {
  for (let b = 0; b < g.batch; b++)
    for (let oy = 0; oy < g.outRows; oy++)
      for (let ox = 0; ox < g.outCols; ox++)
        for (let fy = 0; fy < g.winRows; fy++)
          for (let fx = 0; fx < g.winCols; fx++) {
            const iy = oy * g.strideRows + fy * g.dilRows - g.padTop;
            const ix = ox * g.strideCols + fx * g.dilCols - g.padLeft;
            if (iy < 0 || iy >= g.inRows || ix < 0 || ix >= g.inCols) continue;
            f(((b * g.outRows + oy) * g.outCols + ox), ((b * g.inRows + iy) * g.inCols + ix) * g.depth, fy * g.winCols + fx);
          }
}

const CASES: [string, number[], number[], number[], number[], Padding][] = [
  ["SAME, stride 1, 5×5×1×8", [2, 9, 7, 1], [5, 5, 1, 8], [1, 1, 1, 1], [1, 1, 1, 1], "SAME"],
  ["VALID, strides 2 and 3, odd channels", [3, 11, 10, 3], [3, 2, 3, 5], [1, 2, 3, 1], [1, 1, 1, 1], "VALID"],
  ["SAME, dilated", [1, 8, 9, 2], [2, 3, 2, 3], [1, 1, 1, 1], [1, 2, 3, 1], "SAME"],
  ["SAME, a filter large enough for the patch-product backprop", [2, 7, 7, 9], [5, 5, 9, 20], [1, 1, 1, 1], [1, 1, 1, 1], "SAME"],
];

describe.each(CASES)("the conv2d kernels (%s)", (_, xs, ws, strides, dilations, padding) => {
  const g = geometry(xs, ws[0], ws[1], strides, dilations, padding, [], "test");
  const C = xs[3];
  const K = ws[3];
  const x = random(xs.reduce((a, b) => a * b), 1);
  const w = random(ws.reduce((a, b) => a * b), 2);
  const outSize = g.batch * g.outRows * g.outCols * K;
  const dy = random(outSize, 3);

  it("computes the docstring's sum forward", () => {
    const want = new Float64Array(outSize);
    eachTap(g, (o, xb, tap) => {
      for (let q = 0; q < C; q++) for (let k = 0; k < K; k++) want[o * K + k] += x[xb + q] * w[(tap * C + q) * K + k];
    });
    const got = new Float64Array(outSize);
    conv2dForward(x, w, got, g, K);
    got.forEach((v, i) => expect(v).toBeCloseTo(want[i], 12));
  });

  it("computes its adjoints: the input's and the filter's backprops", () => {
    const wantDx = new Float64Array(x.length);
    const wantDw = new Float64Array(w.length);
    eachTap(g, (o, xb, tap) => {
      for (let q = 0; q < C; q++) {
        for (let k = 0; k < K; k++) {
          wantDx[xb + q] += dy[o * K + k] * w[(tap * C + q) * K + k];
          wantDw[(tap * C + q) * K + k] += x[xb + q] * dy[o * K + k];
        }
      }
    });
    const dx = new Float64Array(x.length);
    const dw = new Float64Array(w.length);
    conv2dBackpropInput(dy, w, dx, g, K);
    conv2dBackpropFilter(x, dy, dw, g, K);
    dx.forEach((v, i) => expect(v).toBeCloseTo(wantDx[i], 12));
    dw.forEach((v, i) => expect(v).toBeCloseTo(wantDw[i], 12));
  });
});
