/**
 * A function traced into a graph of its own, as TF's FuncGraph: what `Dataset.map` and
 * `Dataset.filter` make of the learner's function. Ops refer to it by an attr (`f`), as TF's
 * MapDataset names a function of the graph's library; a session calls it (KernelContext.call)
 * by feeding its arguments and captured values and fetching its results.
 */
import type { Graph, Operation, Tensor } from "./graph.js";

export class GraphFunction {
  constructor(
    /** TF's name for it, e.g. `__inference_Dataset_map_<lambda>_12`. */
    readonly name: string,
    /** The graph its ops live in (for a one-shot iterator's dataset factory: the program's own graph). */
    readonly graph: Graph,
    /** Its parameters (Placeholders named `args_0`, `args_1`, ...). */
    readonly inputs: readonly Tensor[],
    /** What it returns, flattened. */
    readonly outputs: readonly Tensor[],
    /**
     * Tensors of the enclosing graph the function reads (TF's captures): the op calling the
     * function takes them as extra inputs and feeds them to `capturedInputs`.
     */
    readonly captured: readonly Tensor[] = [],
    /** The function's Placeholders standing for `captured`, in the same order. */
    readonly capturedInputs: readonly Tensor[] = [],
    /** Ops it runs for their effect only (a queue runner's enqueue op). */
    readonly targets: readonly Operation[] = [],
  ) {}

  toString(): string {
    return this.name;
  }
}
