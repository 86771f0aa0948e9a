/**
 * The NHWC convolution loops behind Conv2D, Conv2DBackpropInput and Conv2DBackpropFilter.
 *
 * Each output element's sum is accumulated in a float64 register or scratch row and rounded
 * once, when it is stored into the output's typed array (float32 outputs round there). TF's
 * float32 Eigen contractions round as they go, in a blocked order no JavaScript loop can
 * reproduce; summing in float64 keeps our result within float32 rounding of theirs and costs
 * no `Math.fround` per multiply-add, which is what makes these loops as fast as they are.
 *
 * Loop order: the channel dimensions (input depth C, output depth K) are innermost, as they
 * are contiguous in NHWC data and in the HWIO filter; the window's taps are skipped where
 * they fall in the padding, so no padded copy of the input is made.
 */
import type { Geometry } from "../support/window.js";

type Num = Float32Array | Float64Array;

/** Scratch rows, grown as needed (kernels run one at a time). */
let scratch = new Float64Array(64);
function scratchOf(n: number): Float64Array {
  if (scratch.length < n) scratch = new Float64Array(Math.max(n, scratch.length * 2));
  return scratch;
}

/** out[b, oy, ox, k] = Σ x[b, oy·s + fy·d − pad, ox·s + fx·d − pad, c] · w[fy, fx, c, k]. */
export function conv2dForward(x: Num, w: Num, out: Num, g: Geometry, outDepth: number): void {
  const { batch, inRows: H, inCols: W, depth: C, outRows: OR, outCols: OC, winRows: R, winCols: S } = g;
  const { strideRows: sr, strideCols: sc, dilRows: dr, dilCols: dc, padTop, padLeft } = g;
  const K = outDepth;
  const acc = scratchOf(K);
  for (let b = 0; b < batch; b++) {
    for (let oy = 0; oy < OR; oy++) {
      const iy0 = oy * sr - padTop;
      for (let ox = 0; ox < OC; ox++) {
        const ix0 = ox * sc - padLeft;
        for (let k = 0; k < K; k++) acc[k] = 0;
        for (let fy = 0; fy < R; fy++) {
          const iy = iy0 + fy * dr;
          if (iy < 0 || iy >= H) continue;
          for (let fx = 0; fx < S; fx++) {
            const ix = ix0 + fx * dc;
            if (ix < 0 || ix >= W) continue;
            const xb = ((b * H + iy) * W + ix) * C;
            let wc = (fy * S + fx) * C * K;
            for (let c = 0; c < C; c++, wc += K) {
              const xv = x[xb + c];
              for (let k = 0; k < K; k++) acc[k] += xv * w[wc + k];
            }
          }
        }
        const o = ((b * OR + oy) * OC + ox) * K;
        for (let k = 0; k < K; k++) out[o + k] = acc[k];
      }
    }
  }
}

/** dx[b, iy, ix, c] = Σ over the outputs whose window covers (iy, ix): dy[b, oy, ox, k] · w[fy, fx, c, k]. */
export function conv2dBackpropInput(dy: Num, w: Num, dx: Num, g: Geometry, outDepth: number): void {
  const { batch, inRows: H, inCols: W, depth: C, outRows: OR, outCols: OC, winRows: R, winCols: S } = g;
  const { strideRows: sr, strideCols: sc, dilRows: dr, dilCols: dc, padTop, padLeft } = g;
  const K = outDepth;
  const acc = scratchOf(H * W * C);
  for (let b = 0; b < batch; b++) {
    acc.fill(0, 0, H * W * C);
    for (let oy = 0; oy < OR; oy++) {
      const iy0 = oy * sr - padTop;
      for (let ox = 0; ox < OC; ox++) {
        const ix0 = ox * sc - padLeft;
        const o = ((b * OR + oy) * OC + ox) * K;
        for (let fy = 0; fy < R; fy++) {
          const iy = iy0 + fy * dr;
          if (iy < 0 || iy >= H) continue;
          for (let fx = 0; fx < S; fx++) {
            const ix = ix0 + fx * dc;
            if (ix < 0 || ix >= W) continue;
            const xb = (iy * W + ix) * C;
            let wc = (fy * S + fx) * C * K;
            for (let c = 0; c < C; c++, wc += K) {
              let s = 0;
              for (let k = 0; k < K; k++) s += dy[o + k] * w[wc + k];
              acc[xb + c] += s;
            }
          }
        }
      }
    }
    const base = b * H * W * C;
    for (let i = 0, n = H * W * C; i < n; i++) dx[base + i] = acc[i];
  }
}

/** dw[fy, fx, c, k] = Σ over batch and outputs: x[b, oy·s + fy·d − pad, ox·s + fx·d − pad, c] · dy[b, oy, ox, k]. */
export function conv2dBackpropFilter(x: Num, dy: Num, dw: Num, g: Geometry, outDepth: number): void {
  const { batch, inRows: H, inCols: W, depth: C, outRows: OR, outCols: OC, winRows: R, winCols: S } = g;
  const { strideRows: sr, strideCols: sc, dilRows: dr, dilCols: dc, padTop, padLeft } = g;
  const K = outDepth;
  const n = R * S * C * K;
  const acc = scratchOf(n);
  acc.fill(0, 0, n);
  for (let b = 0; b < batch; b++) {
    for (let oy = 0; oy < OR; oy++) {
      const iy0 = oy * sr - padTop;
      for (let ox = 0; ox < OC; ox++) {
        const ix0 = ox * sc - padLeft;
        const o = ((b * OR + oy) * OC + ox) * K;
        for (let fy = 0; fy < R; fy++) {
          const iy = iy0 + fy * dr;
          if (iy < 0 || iy >= H) continue;
          for (let fx = 0; fx < S; fx++) {
            const ix = ix0 + fx * dc;
            if (ix < 0 || ix >= W) continue;
            const xb = ((b * H + iy) * W + ix) * C;
            let wc = (fy * S + fx) * C * K;
            for (let c = 0; c < C; c++, wc += K) {
              const xv = x[xb + c];
              for (let k = 0; k < K; k++) acc[wc + k] += xv * dy[o + k];
            }
          }
        }
      }
    }
  }
  for (let i = 0; i < n; i++) dw[i] = acc[i];
}
