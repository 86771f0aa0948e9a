/**
 * The three small matrix products convolution reduces to, one image at a time (rows m are
 * output positions, p the window's taps × input channels, k the output channels):
 *
 * - `C[m, k] = Σp A[m, p] · B[p, k]`   (forward: patches × filter)
 * - `C[m, p] = Σk A[m, k] · B[p, k]`   (input backprop: out_backprop × filterᵀ)
 * - `C[p, k] += Σm A[m, p] · B[m, k]`  (filter backprop: patchesᵀ × out_backprop)
 *
 * Each computes 4×4 blocks of C with sixteen sums in registers, so one pass over the shared
 * dimension loads eight numbers for sixteen multiply-adds; the edges (fewer than four rows or
 * columns left) take the same sums one element at a time. Sums are float64; the caller
 * stores (and so rounds) them.
 */
type Num = Float32Array | Float64Array;

/** C[m, k] = Σp A[m, p] · B[p, k]; A is M×P, B is P×K, C (M×K) is written at cOff. */
export function gemmNN(A: Num, B: Num, C: Num, cOff: number, M: number, P: number, K: number): void {
  const M4 = M - (M % 4);
  const K4 = K - (K % 4);
  for (let m = 0; m < M4; m += 4) {
    const a0 = m * P;
    const a1 = a0 + P;
    const a2 = a1 + P;
    const a3 = a2 + P;
    for (let k = 0; k < K4; k += 4) {
      let c00 = 0, c01 = 0, c02 = 0, c03 = 0;
      let c10 = 0, c11 = 0, c12 = 0, c13 = 0;
      let c20 = 0, c21 = 0, c22 = 0, c23 = 0;
      let c30 = 0, c31 = 0, c32 = 0, c33 = 0;
      for (let p = 0, b = k; p < P; p++, b += K) {
        const b0 = B[b];
        const b1 = B[b + 1];
        const b2 = B[b + 2];
        const b3 = B[b + 3];
        const x0 = A[a0 + p];
        const x1 = A[a1 + p];
        const x2 = A[a2 + p];
        const x3 = A[a3 + p];
        c00 += x0 * b0; c01 += x0 * b1; c02 += x0 * b2; c03 += x0 * b3;
        c10 += x1 * b0; c11 += x1 * b1; c12 += x1 * b2; c13 += x1 * b3;
        c20 += x2 * b0; c21 += x2 * b1; c22 += x2 * b2; c23 += x2 * b3;
        c30 += x3 * b0; c31 += x3 * b1; c32 += x3 * b2; c33 += x3 * b3;
      }
      const o = cOff + m * K + k;
      C[o] = c00; C[o + 1] = c01; C[o + 2] = c02; C[o + 3] = c03;
      C[o + K] = c10; C[o + K + 1] = c11; C[o + K + 2] = c12; C[o + K + 3] = c13;
      C[o + 2 * K] = c20; C[o + 2 * K + 1] = c21; C[o + 2 * K + 2] = c22; C[o + 2 * K + 3] = c23;
      C[o + 3 * K] = c30; C[o + 3 * K + 1] = c31; C[o + 3 * K + 2] = c32; C[o + 3 * K + 3] = c33;
    }
  }
  // Edges: the last rows (all columns) and the last columns (of the blocked rows).
  for (let m = 0; m < M; m++) {
    for (let k = m < M4 ? K4 : 0; k < K; k++) {
      let s = 0;
      for (let p = 0; p < P; p++) s += A[m * P + p] * B[p * K + k];
      C[cOff + m * K + k] = s;
    }
  }
}

/** C[m, p] = Σk A[m, k] · B[p, k]; A is M×K, B is P×K, C (M×P, a float64 scratch) is overwritten. */
export function gemmNT(A: Num, aOff: number, B: Num, C: Float64Array, M: number, K: number, P: number): void {
  const M4 = M - (M % 4);
  const P4 = P - (P % 4);
  for (let m = 0; m < M4; m += 4) {
    const a0 = aOff + m * K;
    const a1 = a0 + K;
    const a2 = a1 + K;
    const a3 = a2 + K;
    for (let p = 0; p < P4; p += 4) {
      const b0 = p * K;
      const b1 = b0 + K;
      const b2 = b1 + K;
      const b3 = b2 + K;
      let c00 = 0, c01 = 0, c02 = 0, c03 = 0;
      let c10 = 0, c11 = 0, c12 = 0, c13 = 0;
      let c20 = 0, c21 = 0, c22 = 0, c23 = 0;
      let c30 = 0, c31 = 0, c32 = 0, c33 = 0;
      for (let k = 0; k < K; k++) {
        const y0 = B[b0 + k];
        const y1 = B[b1 + k];
        const y2 = B[b2 + k];
        const y3 = B[b3 + k];
        const x0 = A[a0 + k];
        const x1 = A[a1 + k];
        const x2 = A[a2 + k];
        const x3 = A[a3 + k];
        c00 += x0 * y0; c01 += x0 * y1; c02 += x0 * y2; c03 += x0 * y3;
        c10 += x1 * y0; c11 += x1 * y1; c12 += x1 * y2; c13 += x1 * y3;
        c20 += x2 * y0; c21 += x2 * y1; c22 += x2 * y2; c23 += x2 * y3;
        c30 += x3 * y0; c31 += x3 * y1; c32 += x3 * y2; c33 += x3 * y3;
      }
      const o = m * P + p;
      C[o] = c00; C[o + 1] = c01; C[o + 2] = c02; C[o + 3] = c03;
      C[o + P] = c10; C[o + P + 1] = c11; C[o + P + 2] = c12; C[o + P + 3] = c13;
      C[o + 2 * P] = c20; C[o + 2 * P + 1] = c21; C[o + 2 * P + 2] = c22; C[o + 2 * P + 3] = c23;
      C[o + 3 * P] = c30; C[o + 3 * P + 1] = c31; C[o + 3 * P + 2] = c32; C[o + 3 * P + 3] = c33;
    }
  }
  for (let m = 0; m < M; m++) {
    for (let p = m < M4 ? P4 : 0; p < P; p++) {
      let s = 0;
      for (let k = 0; k < K; k++) s += A[aOff + m * K + k] * B[p * K + k];
      C[m * P + p] = s;
    }
  }
}

/** C[p, k] += Σm A[m, p] · B[m, k]; A is M×P (a float64 scratch), B is M×K from bOff, C (P×K) accumulates. */
export function gemmTNAcc(A: Float64Array, B: Num, bOff: number, C: Float64Array, M: number, P: number, K: number): void {
  const P4 = P - (P % 4);
  const K4 = K - (K % 4);
  for (let p = 0; p < P4; p += 4) {
    for (let k = 0; k < K4; k += 4) {
      let c00 = 0, c01 = 0, c02 = 0, c03 = 0;
      let c10 = 0, c11 = 0, c12 = 0, c13 = 0;
      let c20 = 0, c21 = 0, c22 = 0, c23 = 0;
      let c30 = 0, c31 = 0, c32 = 0, c33 = 0;
      for (let m = 0, a = p, b = bOff + k; m < M; m++, a += P, b += K) {
        const x0 = A[a];
        const x1 = A[a + 1];
        const x2 = A[a + 2];
        const x3 = A[a + 3];
        const y0 = B[b];
        const y1 = B[b + 1];
        const y2 = B[b + 2];
        const y3 = B[b + 3];
        c00 += x0 * y0; c01 += x0 * y1; c02 += x0 * y2; c03 += x0 * y3;
        c10 += x1 * y0; c11 += x1 * y1; c12 += x1 * y2; c13 += x1 * y3;
        c20 += x2 * y0; c21 += x2 * y1; c22 += x2 * y2; c23 += x2 * y3;
        c30 += x3 * y0; c31 += x3 * y1; c32 += x3 * y2; c33 += x3 * y3;
      }
      const o = p * K + k;
      C[o] += c00; C[o + 1] += c01; C[o + 2] += c02; C[o + 3] += c03;
      C[o + K] += c10; C[o + K + 1] += c11; C[o + K + 2] += c12; C[o + K + 3] += c13;
      C[o + 2 * K] += c20; C[o + 2 * K + 1] += c21; C[o + 2 * K + 2] += c22; C[o + 2 * K + 3] += c23;
      C[o + 3 * K] += c30; C[o + 3 * K + 1] += c31; C[o + 3 * K + 2] += c32; C[o + 3 * K + 3] += c33;
    }
  }
  for (let p = 0; p < P; p++) {
    for (let k = p < P4 ? K4 : 0; k < K; k++) {
      let s = 0;
      for (let m = 0; m < M; m++) s += A[m * P + p] * B[bOff + m * K + k];
      C[p * K + k] += s;
    }
  }
}
