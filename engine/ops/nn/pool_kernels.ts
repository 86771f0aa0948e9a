/**
 * The NHWC pooling loops: max and average pooling and their gradients, as TF's CPU kernels
 * compute them. A window position in the padding is not part of the window: max pooling
 * never sees it, average pooling divides by the number of input elements the window covers.
 * Where several elements share the maximum, the first in row-major order (TF's argmax,
 * `SpatialMaxPoolWithArgMaxHelper`) receives the gradient.
 */
import type { Geometry } from "../support/window.js";

type Num = Float32Array | Float64Array | Int32Array;

/** The window of output (oy, ox), clipped to the input: [y0, y1) × [x0, x1). */
function clip(g: Geometry, oy: number, ox: number): [number, number, number, number] {
  const ys = oy * g.strideRows - g.padTop;
  const xs = ox * g.strideCols - g.padLeft;
  return [Math.max(ys, 0), Math.min(ys + g.winRows, g.inRows), Math.max(xs, 0), Math.min(xs + g.winCols, g.inCols)];
}

let scratch = new Float64Array(64);
let argScratch = new Int32Array(64);
function scratchOf(n: number): Float64Array {
  if (scratch.length < n) scratch = new Float64Array(Math.max(n, scratch.length * 2));
  return scratch;
}
function argScratchOf(n: number): Int32Array {
  if (argScratch.length < n) argScratch = new Int32Array(Math.max(n, argScratch.length * 2));
  return argScratch;
}

/**
 * For each output element, the flat index into `x` of its window's maximum (first in
 * row-major order among equals), written to `arg` (length batch·outRows·outCols·depth), and
 * the maximum itself to `out` when given.
 */
export function maxPoolArgmax(x: Num, g: Geometry, arg: Int32Array, out: Num | null): void {
  const C = g.depth;
  const best = scratchOf(C);
  let o = 0;
  for (let b = 0; b < g.batch; b++) {
    for (let oy = 0; oy < g.outRows; oy++) {
      for (let ox = 0; ox < g.outCols; ox++, o += C) {
        const [y0, y1, x0, x1] = clip(g, oy, ox);
        for (let c = 0; c < C; c++) {
          best[c] = -Infinity;
          arg[o + c] = -1;
        }
        for (let iy = y0; iy < y1; iy++) {
          for (let ix = x0; ix < x1; ix++) {
            const xb = ((b * g.inRows + iy) * g.inCols + ix) * C;
            for (let c = 0; c < C; c++) {
              const v = x[xb + c];
              if (arg[o + c] < 0 || v > best[c]) {
                best[c] = v;
                arg[o + c] = xb + c;
              }
            }
          }
        }
        if (out !== null) for (let c = 0; c < C; c++) out[o + c] = best[c];
      }
    }
  }
}

/** The max pool of `x` into `out`. */
export function maxPool(x: Num, g: Geometry, out: Num): void {
  maxPoolArgmax(x, g, argScratchOf(out.length), out);
}

/** MaxPoolGrad: each output's gradient `dy` added at its window's argmax in `dx` (shaped as x). */
export function maxPoolGrad(x: Num, dy: Num, g: Geometry, dx: Num): void {
  const arg = argScratchOf(dy.length);
  maxPoolArgmax(x, g, arg, null);
  const acc = scratchOf(dx.length);
  acc.fill(0, 0, dx.length);
  for (let i = 0; i < dy.length; i++) if (arg[i] >= 0) acc[arg[i]] += dy[i];
  for (let i = 0; i < dx.length; i++) dx[i] = acc[i];
}

/** MaxPoolGradGrad: each output takes `ddx` (shaped as x) at its window's argmax. */
export function maxPoolGradGrad(x: Num, ddx: Num, g: Geometry, out: Num): void {
  const arg = argScratchOf(out.length);
  maxPoolArgmax(x, g, arg, null);
  for (let i = 0; i < out.length; i++) out[i] = arg[i] >= 0 ? ddx[arg[i]] : 0;
}

/** The average pool of `x` into `out`: each window's sum over the input elements it covers, divided by their count. */
export function avgPool(x: Num, g: Geometry, out: Num): void {
  const C = g.depth;
  const sum = scratchOf(C);
  let o = 0;
  for (let b = 0; b < g.batch; b++) {
    for (let oy = 0; oy < g.outRows; oy++) {
      for (let ox = 0; ox < g.outCols; ox++, o += C) {
        const [y0, y1, x0, x1] = clip(g, oy, ox);
        sum.fill(0, 0, C);
        for (let iy = y0; iy < y1; iy++) {
          for (let ix = x0; ix < x1; ix++) {
            const xb = ((b * g.inRows + iy) * g.inCols + ix) * C;
            for (let c = 0; c < C; c++) sum[c] += x[xb + c];
          }
        }
        const count = (y1 - y0) * (x1 - x0);
        for (let c = 0; c < C; c++) out[o + c] = sum[c] / count;
      }
    }
  }
}

/** AvgPoolGrad: each output's gradient, divided by its window's count, added to every input element the window covers. */
export function avgPoolGrad(dy: Num, g: Geometry, dx: Num): void {
  const C = g.depth;
  const acc = scratchOf(dx.length);
  acc.fill(0, 0, dx.length);
  let o = 0;
  for (let b = 0; b < g.batch; b++) {
    for (let oy = 0; oy < g.outRows; oy++) {
      for (let ox = 0; ox < g.outCols; ox++, o += C) {
        const [y0, y1, x0, x1] = clip(g, oy, ox);
        const scale = 1 / ((y1 - y0) * (x1 - x0));
        for (let iy = y0; iy < y1; iy++) {
          for (let ix = x0; ix < x1; ix++) {
            const xb = ((b * g.inRows + iy) * g.inCols + ix) * C;
            for (let c = 0; c < C; c++) acc[xb + c] += dy[o + c] * scale;
          }
        }
      }
    }
  }
  for (let i = 0; i < dx.length; i++) dx[i] = acc[i];
}
