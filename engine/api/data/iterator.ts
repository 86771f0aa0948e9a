/**
 * `tf.data.Iterator` as TF 1.15 builds it (python/data/ops/iterator_ops.py): a handle op
 * (`OneShotIterator` or `IteratorV2`), an `IteratorToStringHandle`, the initializer
 * (`MakeIterator`) and, per `get_next()`, an `IteratorGetNext` whose outputs are the element's
 * components, packed in its structure.
 */
import type { EngineContext } from "../../context.js";
import { asDType, DType } from "../../dtypes.js";
import { PyTypeError, ValueError } from "../../errors.js";
import { Operation, Tensor } from "../../graph.js";
import { TensorShape } from "../../shape.js";
import { bind } from "../../pycall.js";
import { GraphFunction } from "../../function_graph.js";
import { applyOp } from "../apply.js";
import { ComponentSpec, flattenElement, mapElement, packElement } from "./structure.js";
import { structureText } from "./text.js";
import type { DatasetV1, Element } from "./dataset.js";

/** TF's collection of every iterator resource in the graph. */
export const GLOBAL_ITERATORS = "iterators";

export class IteratorV1 {
  private readonly _string_handle: Tensor;

  /** @internal */
  constructor(
    private readonly ctx: EngineContext,
    /** The iterator's handle (a resource tensor). */
    readonly _iterator_resource: Tensor,
    private readonly _initializer: Operation | null,
    /** The element's structure, each component as a ComponentSpec. */
    readonly element_spec: unknown,
  ) {
    this._string_handle = applyOp(ctx, "IteratorToStringHandle", [_iterator_resource]).outputs[0];
    ctx.defaultGraph().get_collection_ref(GLOBAL_ITERATORS).push(_iterator_resource);
  }

  private get specs(): ComponentSpec[] {
    return flattenElement(this.element_spec) as ComponentSpec[];
  }

  /**
   * The op that (re)starts the iterator at the beginning of its dataset.
   * @example
   * sess.run(iterator.initializer, {feed_dict: {[max_value]: 10}});
   */
  get initializer(): Operation {
    if (this._initializer !== null) return this._initializer;
    throw new ValueError("Iterator does not have an initializer.");
  }

  /**
   * The next element, as tensors in the element's structure: each run of them moves the
   * iterator one element on (a side effect, in this session), and fails with
   * `tf.errors.OutOfRangeError` ("End of sequence") after the last.
   * @example
   * const next = iterator.get_next();
   * print(sess.run(next)); // 0
   */
  get_next(name?: string | null): Element {
    void name;
    const [opName] = bind("get_next", [["name", null]], [...arguments]) as [string | null];
    const specs = this.specs;
    const op = applyOp(this.ctx, "IteratorGetNext", [this._iterator_resource], { output_types: specs.map((s) => s.dtype), output_shapes: specs.map((s) => s.shape) }, opName ?? "IteratorGetNext");
    return packElement(this.element_spec, op.outputs);
  }

  /**
   * An op that starts this iterator on `dataset` (whose structure must match the iterator's).
   * @example
   * const init = iterator.make_initializer(training_dataset);
   */
  make_initializer(dataset: DatasetV1, name?: string | null): Operation {
    void [dataset, name];
    const [ds, opName] = bind("make_initializer", ["dataset", ["name", null]], [...arguments]) as [DatasetV1, string | null];
    const mine = this.specs;
    if (ds === null || typeof ds !== "object" || !("_variant_tensor" in ds)) throw new PyTypeError("make_initializer() expects a tf.data.Dataset");
    const theirs = flattenElement(ds.element_spec) as ComponentSpec[];
    const types = (x: unknown) => structureText(mapElement(x, (s) => (s as ComponentSpec).dtype.__repr__()));
    if (mine.length !== theirs.length || mine.some((s, i) => s.dtype !== theirs[i].dtype)) {
      throw new PyTypeError(`Expected output types ${types(this.element_spec)} but got dataset with output types ${types(ds.element_spec)}.`);
    }
    if (mine.some((s, i) => !s.shape.is_compatible_with(theirs[i].shape))) {
      const shapes = (x: unknown) => structureText(mapElement(x, (s) => (s as ComponentSpec).shape.__repr__()));
      throw new PyTypeError(`Expected output shapes compatible with ${shapes(this.element_spec)} but got dataset with output shapes ${shapes(ds.element_spec)}.`);
    }
    return this.ctx.defaultGraph().name_scope(opName ?? "make_initializer", (scope) =>
      applyOp(this.ctx, "MakeIterator", [ds._variant_tensor, this._iterator_resource], {}, scope),
    );
  }

  /**
   * The iterator's handle as a string tensor (for `Iterator.from_string_handle`).
   * @example
   * const handle = sess.run(iterator.string_handle());
   */
  string_handle(name?: string | null): Tensor {
    void name;
    const [opName] = bind("string_handle", [["name", null]], [...arguments]) as [string | null];
    if (opName === null) return this._string_handle;
    return applyOp(this.ctx, "IteratorToStringHandle", [this._iterator_resource], {}, opName).outputs[0];
  }

  /** The dtype of each component, in the element's structure. */
  get output_types(): Element {
    return mapElement(this.element_spec, (s) => (s as ComponentSpec).dtype);
  }

  /** The static shape of each component, in the element's structure. */
  get output_shapes(): Element {
    return mapElement(this.element_spec, (s) => (s as ComponentSpec).shape);
  }

  /** The class of each component (`Tensor`). */
  get output_classes(): Element {
    return mapElement(this.element_spec, () => Tensor);
  }

  __repr__(): string {
    return "<tensorflow.python.data.ops.iterator_ops.Iterator object>";
  }

  toString(): string {
    return this.__repr__();
  }
}

function flatAttrs(spec: unknown): { output_types: DType[]; output_shapes: TensorShape[] } {
  const specs = flattenElement(spec) as ComponentSpec[];
  return { output_types: specs.map((s) => s.dtype), output_shapes: specs.map((s) => s.shape) };
}

/** A short stable hash of the dataset's op names, for the factory's name (TF hashes its definition). */
function hashName(dataset: DatasetV1): string {
  let h = 2166136261;
  for (const ch of dataset._variant_tensor.name) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  return h.toString(16).padStart(8, "0");
}

/**
 * `make_one_shot_iterator()`: a `OneShotIterator` whose dataset factory makes the dataset on
 * the iterator's first run. TF copies the dataset's ops into the factory (a `Defun` named
 * `_make_dataset_<hash>`); here the factory computes the dataset op already in the graph,
 * which is the same computation (a one-shot iterator may not capture anything stateful).
 */
export function makeOneShotIterator(dataset: DatasetV1): IteratorV1 {
  const ctx = dataset._ctx;
  checkCapturable(dataset._variant_tensor.op);
  const g = ctx.defaultGraph();
  const factory = new GraphFunction(`_make_dataset_${hashName(dataset)}`, g, [], [dataset._variant_tensor]);
  const op = applyOp(ctx, "OneShotIterator", [], { dataset_factory: factory, ...flatAttrs(dataset.element_spec), container: "", shared_name: "" });
  return new IteratorV1(ctx, op.outputs[0], null, dataset.element_spec);
}

/**
 * TF's `Defun(capture_by_value=True)` copying the dataset's ops into the factory: a
 * placeholder cannot be copied, nor a stateful op other than a dataset op (a variable, a
 * random op) — TF's ValueErrors, word for word.
 */
function checkCapturable(root: Operation): void {
  const seen = new Set<Operation>();
  const visit = (op: Operation): void => {
    if (seen.has(op)) return;
    seen.add(op);
    // Pre-order, through data inputs, as TF's _add_op_and_parents.
    const datasetOp = op.outputs.length === 1 && op.outputs[0].dtype.base_dtype.name === "variant";
    if (op.def.effects.length > 0 && op.type !== "Placeholder" && !datasetOp) {
      throw new ValueError(
        "Failed to create a one-shot iterator for a dataset. `Dataset.make_one_shot_iterator()` does not support datasets that capture stateful objects, such as a `Variable` or `LookupTable`. In these cases, use `Dataset.make_initializable_iterator()`. " +
          `(Original error: Cannot capture a stateful node (name:${op.name}, type:${op.type}) by value.)`,
      );
    }
    if (op.type === "Placeholder") throw new ValueError(`Cannot capture a placeholder (name:${op.name}, type:${op.type}) by value.`);
    for (const t of op.inputs) visit(t.op);
  };
  visit(root);
}

/** `make_initializable_iterator()`: an `IteratorV2` and its `MakeIterator` initializer. */
export function makeInitializableIterator(dataset: DatasetV1, sharedName: string): IteratorV1 {
  const ctx = dataset._ctx;
  const handle = applyOp(ctx, "IteratorV2", [], { container: "", shared_name: sharedName, ...flatAttrs(dataset.element_spec) }).outputs[0];
  const init = applyOp(ctx, "MakeIterator", [dataset._variant_tensor, handle]);
  return new IteratorV1(ctx, handle, init, dataset.element_spec);
}

/**
 * `Iterator.from_structure(output_types, output_shapes)`: an iterator not bound to a dataset;
 * `make_initializer(dataset)` makes an initializer for each dataset of that structure.
 */
export function iteratorFromStructure(ctx: EngineContext, outputTypes: unknown, outputShapes: unknown, sharedName: string | null): IteratorV1 {
  const spec = structureSpec(outputTypes, outputShapes);
  const handle = applyOp(ctx, "IteratorV2", [], { container: "", shared_name: sharedName ?? "", ...flatAttrs(spec) }).outputs[0];
  return new IteratorV1(ctx, handle, null, spec);
}


/** An element structure of ComponentSpecs from `output_types` and `output_shapes` (shapes follow the types' nesting). */
function structureSpec(outputTypes: unknown, outputShapes: unknown): unknown {
  const types = flattenElement(outputTypes).map((d) => asDType(d));
  let shapes: TensorShape[];
  if (outputShapes === null || outputShapes === undefined) shapes = types.map(() => TensorShape.unknown());
  else {
    // Shapes follow the types' structure (TF's map_structure_up_to): a leaf may be a list of dims.
    const flat: unknown[] = [];
    const walk = (t: unknown, s: unknown): void => {
      if (Array.isArray(t)) {
        t.forEach((ti, i) => walk(ti, (s as unknown[])[i]));
      } else if (t !== null && typeof t === "object" && !(t instanceof DType)) {
        for (const k of Object.keys(t).sort()) walk((t as Record<string, unknown>)[k], (s as Record<string, unknown>)[k]);
      } else flat.push(s);
    };
    walk(outputTypes, outputShapes);
    shapes = flat.map((s) => (s instanceof TensorShape ? s : new TensorShape(s as (number | null)[] | null)));
  }
  const spec = packElement(outputTypes, types.map((d, i) => new ComponentSpec(d, shapes[i] ?? TensorShape.unknown())));
  return spec;
}

/**
 * `Iterator.from_string_handle(string_handle, output_types, output_shapes)`: a feedable
 * iterator — its `get_next` reads whichever iterator's `string_handle()` value is fed.
 */
export function iteratorFromStringHandle(ctx: EngineContext, stringHandle: unknown, outputTypes: unknown, outputShapes: unknown): IteratorV1 {
  const spec = structureSpec(outputTypes, outputShapes);
  const handle = applyOp(ctx, "IteratorFromStringHandleV2", [stringHandle], flatAttrs(spec)).outputs[0];
  return new IteratorV1(ctx, handle, null, spec);
}
