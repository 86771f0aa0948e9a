/**
 * The builders one API module or gradient function writes TF's Python with: `tf.reshape`,
 * `tf.reduce_sum`, ... (the core, shape, array, math and random modules) bound to a context,
 * made once per context. Gradient functions receive them (with Python's operators) from
 * gradients.ts; higher API modules (nn, losses, layers, initializers, training) build with them.
 * Only modules below those listed here can be listed, so no module imports itself through this.
 */
import type { EngineContext } from "../context.js";
import { bindApi, type BoundApi } from "./pyargs.js";
import * as core from "./tf/core.js";
import * as arrayCore from "./tf/array_core.js";
import * as array from "./tf/array.js";
import * as filling from "./tf/filling.js";
import * as arithmetic from "./tf/arithmetic.js";
import * as logic from "./tf/logic.js";
import * as functions from "./tf/functions.js";
import * as reduce from "./tf/reduce.js";
import * as math from "./tf/math.js";
import * as random from "./tf/random.js";
import * as indexing from "./tf/indexing.js";
import * as segments from "./tf/segments.js";
import * as reorder from "./tf/reorder.js";
import * as diagonals from "./tf/diagonals.js";
import * as masks from "./tf/masks.js";
import * as functionsMore from "./tf/functions_more.js";

/** `tf.*` builders of the lower API modules, bound to one context. */
export type Builders = BoundApi<typeof core> &
  BoundApi<typeof arrayCore> &
  BoundApi<typeof array> &
  BoundApi<typeof filling> &
  BoundApi<typeof arithmetic> &
  BoundApi<typeof logic> &
  BoundApi<typeof functions> &
  BoundApi<typeof reduce> &
  BoundApi<typeof math> &
  BoundApi<typeof random> &
  BoundApi<typeof indexing> &
  BoundApi<typeof segments> &
  BoundApi<typeof reorder> &
  BoundApi<typeof diagonals> &
  BoundApi<typeof masks> &
  BoundApi<typeof functionsMore>;

const made = new WeakMap<EngineContext, Builders>();

/**
 * The builders of `ctx`, made on first use.
 * @example
 * const tf = buildersFor(ctx);
 * tf.reshape(grad, tf.shape(x));
 */
export function buildersFor(ctx: EngineContext): Builders {
  let b = made.get(ctx);
  if (b === undefined) {
    b = {
      ...bindApi(ctx, core),
      ...bindApi(ctx, arrayCore),
      ...bindApi(ctx, array),
      ...bindApi(ctx, filling),
      ...bindApi(ctx, arithmetic),
      ...bindApi(ctx, logic),
      ...bindApi(ctx, functions),
      ...bindApi(ctx, reduce),
      ...bindApi(ctx, math),
      ...bindApi(ctx, random),
      ...bindApi(ctx, indexing),
      ...bindApi(ctx, segments),
      ...bindApi(ctx, reorder),
      ...bindApi(ctx, diagonals),
      ...bindApi(ctx, masks),
      ...bindApi(ctx, functionsMore),
    };
    made.set(ctx, b);
  }
  return b;
}
