/**
 * Repeatable randomness for one program run: `Math.random` and the seeds of random ops that
 * have none (TF would draw those from the OS). The same seed gives the same program output.
 */

/** The largest seed the runner accepts (seeds are 32-bit). */
export const MAX_SEED = 0xffffffff;

/** A stream of 32-bit unsigned integers. */
export type Uint32Source = () => number;

/**
 * sfc32 (Chris Doty-Humphrey's Small Fast Chaotic generator), seeded through splitmix32 so
 * that nearby seeds give unrelated streams. `stream` picks one of several independent streams
 * for the same seed, so `Math.random` calls do not shift the seeds random ops get.
 */
export function uint32Stream(seed: number, stream = 0): Uint32Source {
  let s = (seed ^ Math.imul(stream + 1, 0x9e3779b9)) >>> 0;
  const splitmix = (): number => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = splitmix();
  let b = splitmix();
  let c = splitmix();
  let d = splitmix();
  const next = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  // The first outputs of a freshly seeded sfc32 are weakly mixed; its authors discard 12.
  for (let i = 0; i < 12; i++) next();
  return next;
}

/**
 * A `Math.random` replacement: doubles in [0, 1) with 53 random bits, like V8's.
 * @example
 * const random = seededRandom(42);
 * random(); // the same number every time for seed 42
 */
export function seededRandom(seed: number): () => number {
  const next = uint32Stream(seed, 0);
  return () => ((next() >>> 5) * 67108864 + (next() >>> 6)) / 9007199254740992;
}

/**
 * Seeds for random ops without an op or graph seed: non-negative 31-bit integers, as TF's
 * `random_seed.get_seed` would draw them.
 */
export function seededOpSeeds(seed: number): () => number {
  const next = uint32Stream(seed, 1);
  return () => next() >>> 1;
}

/**
 * The seed of numpy's global generator (`np.random`), which Python would draw from the OS:
 * taken from the run's seed, in a stream of its own.
 */
export function numpySeed(seed: number): number {
  return uint32Stream(seed, 2)();
}

/**
 * An object that behaves as `Math` except that `random` is seeded. It inherits from the real
 * `Math`, so the real one is never modified.
 */
export function seededMath(seed: number): Math {
  return Object.create(Math, {
    random: { value: seededRandom(seed), enumerable: false, writable: true, configurable: true },
  }) as Math;
}

/** A random seed for a run that did not ask for one (reported in the end event). */
export function freshSeed(): number {
  return Math.floor(Math.random() * (MAX_SEED + 1));
}

/** True for the integers 0..MAX_SEED. */
export function isValidSeed(seed: unknown): seed is number {
  return typeof seed === "number" && Number.isInteger(seed) && seed >= 0 && seed <= MAX_SEED;
}
