/**
 * The NHWC convolutions behind Conv2D, Conv2DBackpropInput and Conv2DBackpropFilter, one
 * image at a time as matrix products (gemm.ts) over its patches: row m of the patch matrix
 * holds the input under output position m's window (taps × channels, zeros where the window
 * lies in the padding), which is the filter's row order, so the filter is used as stored.
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
import { gemmNN, gemmNT, gemmTNAcc } from "./gemm.js";

type Num = Float32Array | Float64Array;

/** Scratch buffers, grown as needed (kernels run one at a time). */
let patchBuf = new Float64Array(256);
let accBuf = new Float64Array(256);
function patches(n: number): Float64Array {
  if (patchBuf.length < n) patchBuf = new Float64Array(Math.max(n, patchBuf.length * 2));
  return patchBuf;
}
function accumulator(n: number): Float64Array {
  if (accBuf.length < n) accBuf = new Float64Array(Math.max(n, accBuf.length * 2));
  return accBuf;
}

/** Image b's patch matrix (OR·OC rows of R·S·C) into `out`. */
function im2col(x: Num, b: number, g: Geometry, out: Float64Array): void {
  const { inRows: H, inCols: W, depth: C, outRows: OR, outCols: OC, winRows: R, winCols: S } = g;
  const { strideRows: sr, strideCols: sc, dilRows: dr, dilCols: dc, padTop, padLeft } = g;
  const P = R * S * C;
  let row = 0;
  for (let oy = 0; oy < OR; oy++) {
    const iy0 = oy * sr - padTop;
    for (let ox = 0; ox < OC; ox++, row += P) {
      const ix0 = ox * sc - padLeft;
      let o = row;
      for (let fy = 0; fy < R; fy++) {
        const iy = iy0 + fy * dr;
        const rowIn = iy >= 0 && iy < H;
        for (let fx = 0; fx < S; fx++, o += C) {
          const ix = ix0 + fx * dc;
          if (rowIn && ix >= 0 && ix < W) {
            const xb = ((b * H + iy) * W + ix) * C;
            for (let c = 0; c < C; c++) out[o + c] = x[xb + c];
          } else {
            for (let c = 0; c < C; c++) out[o + c] = 0;
          }
        }
      }
    }
  }
}

/** Adds a patch-shaped gradient back onto the image it came from (the adjoint of im2col). */
function col2imAdd(cols: Float64Array, g: Geometry, img: Float64Array): void {
  const { inRows: H, inCols: W, depth: C, outRows: OR, outCols: OC, winRows: R, winCols: S } = g;
  const { strideRows: sr, strideCols: sc, dilRows: dr, dilCols: dc, padTop, padLeft } = g;
  const P = R * S * C;
  let row = 0;
  for (let oy = 0; oy < OR; oy++) {
    const iy0 = oy * sr - padTop;
    for (let ox = 0; ox < OC; ox++, row += P) {
      const ix0 = ox * sc - padLeft;
      let o = row;
      for (let fy = 0; fy < R; fy++) {
        const iy = iy0 + fy * dr;
        const rowIn = iy >= 0 && iy < H;
        for (let fx = 0; fx < S; fx++, o += C) {
          const ix = ix0 + fx * dc;
          if (rowIn && ix >= 0 && ix < W) {
            const xb = (iy * W + ix) * C;
            for (let c = 0; c < C; c++) img[xb + c] += cols[o + c];
          }
        }
      }
    }
  }
}

/** out[b, oy, ox, k] = Σ x[b, oy·s + fy·d − pad, ox·s + fx·d − pad, c] · w[fy, fx, c, k]. */
export function conv2dForward(x: Num, w: Num, out: Num, g: Geometry, outDepth: number): void {
  const M = g.outRows * g.outCols;
  const P = g.winRows * g.winCols * g.depth;
  const cols = patches(M * P);
  for (let b = 0; b < g.batch; b++) {
    im2col(x, b, g, cols);
    gemmNN(cols, w, out, b * M * outDepth, M, P, outDepth);
  }
}

/** dx[b, iy, ix, c] = Σ over the outputs whose window covers (iy, ix): dy[b, oy, ox, k] · w[fy, fx, c, k]. */
export function conv2dBackpropInput(dy: Num, w: Num, dx: Num, g: Geometry, outDepth: number): void {
  const M = g.outRows * g.outCols;
  const P = g.winRows * g.winCols * g.depth;
  const n = g.inRows * g.inCols * g.depth;
  const cols = patches(M * P);
  const img = accumulator(n);
  for (let b = 0; b < g.batch; b++) {
    gemmNT(dy, b * M * outDepth, w, cols, M, outDepth, P);
    img.fill(0, 0, n);
    col2imAdd(cols, g, img);
    const base = b * n;
    for (let i = 0; i < n; i++) dx[base + i] = img[i];
  }
}

/** dw[fy, fx, c, k] = Σ over batch and outputs: x[b, oy·s + fy·d − pad, ox·s + fx·d − pad, c] · dy[b, oy, ox, k]. */
export function conv2dBackpropFilter(x: Num, dy: Num, dw: Num, g: Geometry, outDepth: number): void {
  const M = g.outRows * g.outCols;
  const P = g.winRows * g.winCols * g.depth;
  if (P * outDepth <= 4096) return filterBackpropDirect(x, dy, dw, g, outDepth);
  const cols = patches(M * P);
  const acc = accumulator(P * outDepth);
  acc.fill(0, 0, P * outDepth);
  for (let b = 0; b < g.batch; b++) {
    im2col(x, b, g, cols);
    gemmTNAcc(cols, dy, b * M * outDepth, acc, M, P, outDepth);
  }
  for (let i = 0, n = P * outDepth; i < n; i++) dw[i] = acc[i];
}

/** The first output index whose window's tap at offset `off` lands inside [0, size), and the end of that run. */
function validRange(off: number, stride: number, size: number, outSize: number): [number, number] {
  // o·stride + off ≥ 0  and  o·stride + off < size.
  const lo = off >= 0 ? 0 : Math.ceil(-off / stride);
  const hi = Math.min(outSize, Math.ceil((size - off) / stride));
  return [lo, Math.max(lo, hi)];
}

/**
 * The filter backprop without patches: one filter tap and input channel at a time, four
 * output channels summed in registers over the outputs whose window puts that tap inside the
 * input (a rectangle of outputs, so no per-element bounds checks). Faster than the patch
 * product while the filter is small (measured: 2× at 5×5×8×16, 0.5× at 5×5×32×64).
 */
function filterBackpropDirect(x: Num, dy: Num, dw: Num, g: Geometry, outDepth: number): void {
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
