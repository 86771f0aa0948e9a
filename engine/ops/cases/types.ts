/**
 * Conformance cases: small graphs that exercise one op type each. The conformance test runs
 * every case for shape inference (static shape vs. kernel output) and, for differentiable
 * ops, compares the symbolic gradient with central finite differences in float64.
 */
import type { DType } from "../../dtypes.js";
import type { Operation, Tensor } from "../../graph.js";
import type { TF } from "../../tf.js";

/** A nested array of numbers (or booleans) to feed. */
export type Value = number | boolean | Value[];

export interface OpCase {
  /** The op type under test. */
  op: string;
  /** What the case shows, e.g. "broadcasts a row over a matrix". */
  name: string;
  /**
   * Builds the graph with float inputs of `dtype` (float64 for gradient checks). Returns the
   * output under test and the placeholders to feed with their values.
   */
  build(tf: TF, dtype: DType): { y: Tensor | Operation; feeds: [Tensor, Value][] };
  /** Set false when this case's inputs are not differentiable (e.g. integer indices). */
  grad?: boolean;
  /** Inputs (by index in `feeds`) to leave out of the gradient check. */
  noGradFor?: number[];
  /** Relative tolerance of the gradient check (default 1e-5). */
  tolerance?: number;
}
