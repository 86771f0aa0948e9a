/**
 * A `tf.data` dataset as a tensor value: TF passes datasets between ops as `variant` tensors.
 * Here the tensor's one element is the dataset's debug text (what a fetched variant shows) and
 * the dataset object travels beside the array, in a WeakMap, so no typed storage has to hold
 * an object.
 */
import { variant } from "../../dtypes.js";
import { InvalidArgumentError } from "../../errors.js";
import { NDArray } from "../../ndarray.js";
import type { Dataset } from "./datasets.js";

const DATASETS = new WeakMap<NDArray, Dataset>();

/** The variant tensor value holding `ds`. */
export function datasetValue(ds: Dataset): NDArray {
  const v = new NDArray(variant, [], [ds.debugString()]);
  DATASETS.set(v, ds);
  return v;
}

/** The dataset a variant value holds. */
export function datasetOf(v: NDArray): Dataset {
  const ds = DATASETS.get(v);
  if (ds === undefined) throw new InvalidArgumentError("Tensor must be a Dataset object.");
  return ds;
}
