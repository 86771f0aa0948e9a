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

/** The first output index whose window's tap at offset `off` lands inside [0, size), and the end of that run. */
function validRange(off: number, stride: number, size: number, outSize: number): [number, number] {
  // o·stride + off ≥ 0  and  o·stride + off < size.
  const lo = off >= 0 ? 0 : Math.ceil(-off / stride);
  const hi = Math.min(outSize, Math.ceil((size - off) / stride));
  return [lo, Math.max(lo, hi)];
}

/**
 * out[b, oy, ox, k] = Σ x[b, oy·s + fy·d − pad, ox·s + fx·d − pad, c] · w[fy, fx, c, k].
 * Four output channels at a time are summed in registers (one load of x feeds four
 * multiply-adds), the taps that fall in the padding are skipped.
 */
export function conv2dForward(x: Num, w: Num, out: Num, g: Geometry, outDepth: number): void {
  const { batch, inRows: H, inCols: W, depth: C, outRows: OR, outCols: OC, winRows: R, winCols: S } = g;
  const { strideRows: sr, strideCols: sc, dilRows: dr, dilCols: dc, padTop, padLeft } = g;
  const K = outDepth;
  const K4 = K - (K % 4);
  for (let b = 0; b < batch; b++) {
    for (let oy = 0; oy < OR; oy++) {
      const iy0 = oy * sr - padTop;
      for (let ox = 0; ox < OC; ox++) {
        const ix0 = ox * sc - padLeft;
        const o = ((b * OR + oy) * OC + ox) * K;
        for (let k = 0; k < K; k += 4) {
          const wide = k < K4;
          let a0 = 0;
          let a1 = 0;
          let a2 = 0;
          let a3 = 0;
          for (let fy = 0; fy < R; fy++) {
            const iy = iy0 + fy * dr;
            if (iy < 0 || iy >= H) continue;
            for (let fx = 0; fx < S; fx++) {
              const ix = ix0 + fx * dc;
              if (ix < 0 || ix >= W) continue;
              const xb = ((b * H + iy) * W + ix) * C;
              let wc = (fy * S + fx) * C * K + k;
              if (wide) {
                for (let c = 0; c < C; c++, wc += K) {
                  const xv = x[xb + c];
                  a0 += xv * w[wc];
                  a1 += xv * w[wc + 1];
                  a2 += xv * w[wc + 2];
                  a3 += xv * w[wc + 3];
                }
              } else {
                for (let c = 0; c < C; c++, wc += K) {
                  const xv = x[xb + c];
                  a0 += xv * w[wc];
                  if (k + 1 < K) a1 += xv * w[wc + 1];
                  if (k + 2 < K) a2 += xv * w[wc + 2];
                }
              }
            }
          }
          out[o + k] = a0;
          if (k + 1 < K) out[o + k + 1] = a1;
          if (k + 2 < K) out[o + k + 2] = a2;
          if (k + 3 < K) out[o + k + 3] = a3;
        }
      }
    }
  }
}

/**
 * dx[b, iy, ix, c] = Σ over the outputs whose window covers (iy, ix): dy[b, oy, ox, k] · w[fy, fx, c, k].
 * Scattered from each output: four input channels at a time take their dot products over k
 * in registers (one load of dy feeds four multiply-adds).
 */
export function conv2dBackpropInput(dy: Num, w: Num, dx: Num, g: Geometry, outDepth: number): void {
  const { batch, inRows: H, inCols: W, depth: C, outRows: OR, outCols: OC, winRows: R, winCols: S } = g;
  const { strideRows: sr, strideCols: sc, dilRows: dr, dilCols: dc, padTop, padLeft } = g;
  const K = outDepth;
  const C4 = C - (C % 4);
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
            const wb = (fy * S + fx) * C * K;
            let c = 0;
            for (; c < C4; c += 4) {
              const w0 = wb + c * K;
              const w1 = w0 + K;
              const w2 = w1 + K;
              const w3 = w2 + K;
              let s0 = 0;
              let s1 = 0;
              let s2 = 0;
              let s3 = 0;
              for (let k = 0; k < K; k++) {
                const d = dy[o + k];
                s0 += d * w[w0 + k];
                s1 += d * w[w1 + k];
                s2 += d * w[w2 + k];
                s3 += d * w[w3 + k];
              }
              acc[xb + c] += s0;
              acc[xb + c + 1] += s1;
              acc[xb + c + 2] += s2;
              acc[xb + c + 3] += s3;
            }
            for (; c < C; c++) {
              const w0 = wb + c * K;
              let s = 0;
              for (let k = 0; k < K; k++) s += dy[o + k] * w[w0 + k];
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

/**
 * dw[fy, fx, c, k] = Σ over batch and outputs: x[b, oy·s + fy·d − pad, ox·s + fx·d − pad, c] · dy[b, oy, ox, k].
 * One filter tap and input channel at a time, four output channels summed in registers over
 * the outputs whose window puts that tap inside the input (a rectangle of outputs, so no
 * per-element bounds checks).
 */
export function conv2dBackpropFilter(x: Num, dy: Num, dw: Num, g: Geometry, outDepth: number): void {
  const { batch, inRows: H, inCols: W, depth: C, outRows: OR, outCols: OC, winRows: R, winCols: S } = g;
  const { strideRows: sr, strideCols: sc, dilRows: dr, dilCols: dc, padTop, padLeft } = g;
  const K = outDepth;
  for (let fy = 0; fy < R; fy++) {
    const offY = fy * dr - padTop;
    const [oy0, oy1] = validRange(offY, sr, H, OR);
    for (let fx = 0; fx < S; fx++) {
      const offX = fx * dc - padLeft;
      const [ox0, ox1] = validRange(offX, sc, W, OC);
      for (let c = 0; c < C; c++) {
        const wc = ((fy * S + fx) * C + c) * K;
        for (let k = 0; k < K; k += 4) {
          const n = Math.min(4, K - k);
          let a0 = 0;
          let a1 = 0;
          let a2 = 0;
          let a3 = 0;
          for (let b = 0; b < batch; b++) {
            for (let oy = oy0; oy < oy1; oy++) {
              const iy = oy * sr + offY;
              let xi = ((b * H + iy) * W + ox0 * sc + offX) * C + c;
              let o = ((b * OR + oy) * OC + ox0) * K + k;
              const xStep = sc * C;
              if (n === 4) {
                for (let ox = ox0; ox < ox1; ox++, xi += xStep, o += K) {
                  const xv = x[xi];
                  a0 += xv * dy[o];
                  a1 += xv * dy[o + 1];
                  a2 += xv * dy[o + 2];
                  a3 += xv * dy[o + 3];
                }
              } else {
                for (let ox = ox0; ox < ox1; ox++, xi += xStep, o += K) {
                  const xv = x[xi];
                  a0 += xv * dy[o];
                  if (n > 1) a1 += xv * dy[o + 1];
                  if (n > 2) a2 += xv * dy[o + 2];
                }
              }
            }
          }
          dw[wc + k] = a0;
          if (n > 1) dw[wc + k + 1] = a1;
          if (n > 2) dw[wc + k + 2] = a2;
          if (n > 3) dw[wc + k + 3] = a3;
        }
      }
    }
  }
}
