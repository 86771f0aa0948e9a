/**
 * numpy's legacy RandomState generator (MT19937 plus numpy's conversions), so that programs that
 * call `np.random.seed(0); np.random.rand()` print numpy's own numbers (0.5488135039273248).
 * Follows numpy 1.16's randomkit.c (rk_seed, rk_random, rk_double, rk_gauss).
 */

const N = 624;
const M = 397;

/** numpy's `RandomState`. */
export class MT19937 {
  private readonly key = new Uint32Array(N);
  private pos = N;
  private hasGauss = false;
  private gauss = 0;

  constructor(seed: number) {
    this.seed(seed);
  }

  /** rk_seed: Knuth's initialization, as `np.random.seed(int)`. */
  seed(seed: number): void {
    let s = seed >>> 0;
    for (let i = 0; i < N; i++) {
      this.key[i] = s;
      // 1812433253 * (s ^ (s >>> 30)) + i + 1, modulo 2^32.
      s = (Math.imul(1812433253, (s ^ (s >>> 30)) >>> 0) + i + 1) >>> 0;
    }
    this.pos = N;
    this.hasGauss = false;
    this.gauss = 0;
  }

  private twist(): void {
    const k = this.key;
    let i = 0;
    for (; i < N - M; i++) {
      const y = (k[i] & 0x80000000) | (k[i + 1] & 0x7fffffff);
      k[i] = k[i + M] ^ (y >>> 1) ^ (-(y & 1) & 0x9908b0df);
    }
    for (; i < N - 1; i++) {
      const y = (k[i] & 0x80000000) | (k[i + 1] & 0x7fffffff);
      k[i] = k[i + (M - N)] ^ (y >>> 1) ^ (-(y & 1) & 0x9908b0df);
    }
    const y = (k[N - 1] & 0x80000000) | (k[0] & 0x7fffffff);
    k[N - 1] = k[M - 1] ^ (y >>> 1) ^ (-(y & 1) & 0x9908b0df);
    this.pos = 0;
  }

  /** rk_random: the next 32-bit output, tempered. */
  nextUint32(): number {
    if (this.pos === N) this.twist();
    let y = this.key[this.pos++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  /** rk_double: a double in [0, 1) from 53 random bits. */
  nextDouble(): number {
    const a = this.nextUint32() >>> 5;
    const b = this.nextUint32() >>> 6;
    return (a * 67108864.0 + b) / 9007199254740992.0;
  }

  /** rk_gauss: the polar Box-Muller method, returning the cached second value on alternate calls. */
  nextGauss(): number {
    if (this.hasGauss) {
      this.hasGauss = false;
      return this.gauss;
    }
    let x1: number;
    let x2: number;
    let r2: number;
    do {
      x1 = 2.0 * this.nextDouble() - 1.0;
      x2 = 2.0 * this.nextDouble() - 1.0;
      r2 = x1 * x1 + x2 * x2;
    } while (r2 >= 1.0 || r2 === 0.0);
    const f = Math.sqrt((-2.0 * Math.log(r2)) / r2);
    this.gauss = f * x1;
    this.hasGauss = true;
    return f * x2;
  }

  /** rk_interval: a uniform integer in [0, max] by masked rejection. */
  nextInterval(max: number): number {
    if (max === 0) return 0;
    let mask = max;
    mask |= mask >>> 1;
    mask |= mask >>> 2;
    mask |= mask >>> 4;
    mask |= mask >>> 8;
    mask |= mask >>> 16;
    mask >>>= 0;
    let v: number;
    do {
      v = (this.nextUint32() & mask) >>> 0;
    } while (v > max);
    return v;
  }
}
