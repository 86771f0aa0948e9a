/**
 * TF 1.x's `tf.compat.v1.get_seed(op_seed)` (tensorflow/python/framework/random_seed.py, TF 1.14),
 * as a pure function of the graph seed, the op seed and the graph's `_last_id`.
 */

/** The graph seed TF uses when only an op seed is given. */
export const DEFAULT_GRAPH_SEED = 87654321;

/** `_MAXINT32 = 2**31 - 1`: seeds are reduced modulo this, and it replaces a (0, 0) pair's seed2. */
export const MAXINT32 = 2 ** 31 - 1;

/** Python's `seed % _MAXINT32`: the result takes the divisor's sign, so it is never negative. */
function truncateSeed(seed: number): number {
  return ((seed % MAXINT32) + MAXINT32) % MAXINT32;
}

/**
 * The (seed, seed2) attrs a random op gets, as TF 1.14's `get_seed(op_seed)` in graph mode:
 * - graph seed set: `(graphSeed, opSeed ?? lastId)`, both reduced modulo 2^31 - 1, where
 *   `lastId` is the graph's `_last_id` (the id of the most recently created op) at the call;
 * - only the op seed set: `(DEFAULT_GRAPH_SEED, opSeed mod 2^31 - 1)`;
 * - neither: `(null, null)` — the op's attrs default to 0 and its kernel picks random seeds;
 * - a result of (0, 0) becomes (0, 2^31 - 1), because the kernels read (0, 0) as "unseeded".
 * @example
 * getSeed(null, 1, 7);    // [87654321, 1]
 * getSeed(1234, null, 7); // [1234, 7]
 * getSeed(0, 0, 7);       // [0, 2147483647]
 */
export function getSeed(graphSeed: number | null, opSeed: number | null, lastId: number): [number | null, number | null] {
  let seeds: [number | null, number | null];
  if (graphSeed !== null) {
    seeds = [truncateSeed(graphSeed), truncateSeed(opSeed ?? lastId)];
  } else if (opSeed !== null) {
    seeds = [DEFAULT_GRAPH_SEED, truncateSeed(opSeed)];
  } else {
    seeds = [null, null];
  }
  if (seeds[0] === 0 && seeds[1] === 0) return [0, MAXINT32];
  return seeds;
}
