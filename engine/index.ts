/**
 * The engine's one door: what the runner, the app and the bench use of it. Nothing outside
 * engine/ imports a module behind this file (a test holds src/, bench/ and scripts/ to that),
 * so the engine can move its insides without touching them. engine/README.md maps the insides.
 *
 * @example
 * import { createTF, operatorRuntime, contextOf } from "../../engine";
 * const tf = createTF({ onRun: (record, live) => console.log(record.path) });
 * const py = operatorRuntime(contextOf(tf));
 */

// The `tf` namespace of one program run, and its context.
export { createTF, contextOf, type TF } from "./tf.js";
export { DEFAULT_LIMITS, type EngineContext, type EngineHooks, type EngineLimits } from "./context.js";
// The program's file store (checkpoints): in memory, or the caller's own.
export { MemoryFiles, normPath, type EngineFiles } from "./files.js";
// numpy's .npz, the checkpoints' format (the Files panel checks an upload with it).
export { readNpz, writeNpz } from "./format/npy.js";
// ZIP's CRC-32, which the app's share links also use for their checksum.
export { crc32 } from "./format/zip.js";

// The records a run streams (plain data: what the app and the trace show).
export type { ArraySummary, EffectKind, FlowContextRecord, LoopRecord, NodeRecord, RunErrorRecord, RunLive, RunRecord, SideEffectRecord, SummaryRecord, TraceVisit, ValueSummary } from "./records.js";

// Python's operators as the transpiled program calls them (`a + b` → `__py.add(a, b)`).
export { operatorRuntime, objectLiteral, toPropertyKey, type BinaryOperatorName, type OperatorRuntime } from "./api/operators.js";
export { isTensorLike } from "./api/convert_tensor.js";

// Values a program sees: arrays, Python floats, dtypes, graph elements, numpy.
export { NDArray } from "./ndarray.js";
export { PyFloat, isPyFloat, isNumberLike, unbox } from "./pyfloat.js";
export { DType, bool, float32, float64, int32, int64, string } from "./dtypes.js";
export type { Graph, Operation, Tensor } from "./graph.js";
export { numpyApi, type NumpyNamespace } from "./numpy/np.js";
// What sess.run hands back for a 0-d value: numpy scalars (`7.0` for a float32), bytes.
export { NpScalar, isNpScalar } from "./numpy/scalar.js";
export { PyBytes } from "./pybytes.js";

// Python's errors and printing, for the runner's built-ins (one copy of each rule).
export * from "./errors.js";
export { pyPercentFormat, pyPrintLine, pyRepr, pyStr, pyTypeName } from "./format/python.js";
export { isPlainObject, pyClassName } from "./format/pytypes.js";
// numpy's printing of values and scalars, for the app's value badges (src/ui/valueText.ts).
export { bytesRepr, formatArrayStr } from "./format/numpy.js";
export { float32Repr, float64Repr } from "./format/floats.js";
export { rint } from "./kernels/round.js";

// Python mode (src/runner/python): `with` blocks as enter/exit, and `tensor[...]`.
export { enterBlock, restoreScopes, saveScopes, type EnteredBlock, type ScopeSnapshot } from "./api/python_blocks.js";
export { sliceHelper, type PySlice, type SliceSpec } from "./api/slicing.js";
