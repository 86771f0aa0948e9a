/**
 * `Dataset.padded_batch` (TF 1.15's padded_batch_dataset_op.cc): like `batch`, but components
 * of different shapes are padded to one shape first, as text and sequence pipelines need.
 */
import { allocData } from "../../dtypes.js";
import { DataLossError, InvalidArgumentError, ResourceExhaustedError } from "../../errors.js";
import { NDArray } from "../../ndarray.js";
import { checkBatchSize, Dataset, type ElementIterator, type IterEnv } from "./datasets.js";

/**
 * `padded_batch(n, padded_shapes, padding_values)`: n consecutive elements, each component
 * padded with its padding value to its padded shape (-1: the batch's longest) and stacked.
 */
export class PaddedBatchDataset extends Dataset {
  readonly type = "PaddedBatch";
  constructor(
    readonly input: Dataset,
    readonly batchSize: number,
    readonly paddedShapes: readonly (readonly number[])[],
    readonly paddingValues: readonly NDArray[],
    readonly dropRemainder: boolean,
  ) {
    super();
    if (batchSize <= 0) throw new InvalidArgumentError("Batch size must be greater than zero.");
  }
  iterator(env: IterEnv, prefix: string): ElementIterator {
    const inner = this.input.iterator(env, `${prefix}::${this.type}`);
    let ended = false;
    return {
      next: (e) => {
        if (ended) return null;
        const batch: NDArray[][] = [];
        while (batch.length < this.batchSize) {
          const el = inner.next(e);
          if (el === null) {
            ended = true;
            break;
          }
          if (batch.length === 0) checkBatchSize(el, this.batchSize, e.maxElements);
          batch.push(el);
          if (batch.length % 256 === 0) e.tick();
        }
        if (batch.length === 0 || (this.dropRemainder && batch.length < this.batchSize)) return null;
        return this.paddedShapes.map((padded, c) => this.padStack(batch, c, padded, e.maxElements));
      },
    };
  }

  private padStack(batch: readonly NDArray[][], c: number, padded: readonly number[], maxElements: number): NDArray {
    const shape = padded.map((d, k) => {
      if (d >= 0) return d;
      let most = 0;
      for (const el of batch) most = Math.max(most, el[c].shape[k] ?? 0);
      return most;
    });
    for (const el of batch) {
      const t = el[c];
      if (t.shape.length !== padded.length) {
        throw new InvalidArgumentError(`All elements in a batch must have the same rank as the padded shape for component${c}: expected rank ${padded.length} but got element with rank ${t.shape.length}`);
      }
      if (t.shape.some((d, k) => d > shape[k])) throw new DataLossError("Attempted to pad to a smaller size than the input element.");
    }
    const size = shape.reduce((a, b) => a * b, 1);
    if (size * batch.length > maxElements) {
      throw new ResourceExhaustedError(`OOM when allocating tensor with shape[${[batch.length, ...shape].join(",")}] and type ${batch[0][c].dtype.cName} on /job:localhost/replica:0/task:0/device:CPU:0 by allocator cpu`);
    }
    const dtype = batch[0][c].dtype;
    const data = allocData(dtype, size * batch.length) as unknown[];
    data.fill(this.paddingValues[c].data[0]);
    batch.forEach((el, i) => {
      const t = el[c];
      // Copy each element row by row into the top-left corner of its padded slot.
      const inner = t.shape.length === 0 ? 1 : t.shape[t.shape.length - 1];
      const rows = t.size / Math.max(inner, 1);
      const strides = shape.map((_, k) => shape.slice(k + 1).reduce((a, b) => a * b, 1));
      for (let r = 0; r < rows && inner > 0; r++) {
        // The multi-index of row r in the element's own shape (all but the last axis).
        let rem = r;
        let offset = i * size;
        for (let k = t.shape.length - 2; k >= 0; k--) {
          const idx = rem % t.shape[k];
          rem = Math.floor(rem / t.shape[k]);
          offset += idx * strides[k];
        }
        for (let j = 0; j < inner; j++) data[offset + j] = t.data[r * inner + j];
      }
    });
    return new NDArray(dtype, [batch.length, ...shape], data as NDArray["data"]);
  }
}
