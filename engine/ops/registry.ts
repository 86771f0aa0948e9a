/**
 * Every op type the engine knows, in one literal list. The registry throws on a duplicate
 * type, so two declarations of one op cannot silently shadow each other.
 */
import { OpRegistry } from "../op.js";
import { SparseTensorDenseAdd, SparseTensorDenseMatMul, SparseToDense } from "./sparse/sparse.js";
import { SparseAdd, SparseAddGrad } from "./sparse/sparse_add.js";
import { SparseReduceMax, SparseReduceSum } from "./sparse/sparse_reduce.js";
import { Const, Identity, NoOp, Placeholder, PlaceholderWithDefault, StopGradient } from "./core/basic.js";
import { Assign, AssignAdd, AssignSub, IsVariableInitialized, VariableV2 } from "./state/variables.js";
import { Assert, Print } from "./core/logging.js";
import { ControlTrigger, Enter, Exit, LoopCond, Merge, NextIteration, RefEnter, RefSwitch, Switch } from "./control/flow.js";
import { StackPopV2, StackPushV2, StackV2 } from "./control/stack.js";
import { RestoreV2, SaveV2 } from "./io/checkpoint.js";
import { HistogramSummary, MergeSummary, ScalarSummary } from "./core/summary.js";
import { DATA_OPS } from "./data/index.js";
import { ApplyAdagrad, ApplyAdam, ApplyGradientDescent, ApplyMomentum, ApplyRMSProp } from "./state/training.js";
import { Add, DivNoNan, FloorDiv, FloorMod, Maximum, Minimum, Mul, Pow, RealDiv, SquaredDifference, Sub } from "./math/binary.js";
import { BroadcastGradientArgs, Fill, Reshape, Shape, ZerosLike } from "./array/core.js";
import { All, Any, Max, Mean, Min, Prod, Sum } from "./math/reduction.js";
import { Cast } from "./math/cast.js";
import { AddN } from "./math/addn.js";
import { Abs, Ceil, Cos, Exp, Floor, Log, Log1p, Neg, Reciprocal, ReciprocalGrad, Round, Rsqrt, RsqrtGrad, Sigmoid, SigmoidGrad, Sign, Sin, Sqrt, SqrtGrad, Square, Tanh, TanhGrad } from "./math/unary.js";
import { Equal, Greater, GreaterEqual, Less, LessEqual, LogicalAnd, LogicalNot, LogicalOr, NotEqual } from "./math/compare.js";
import { Range } from "./math/range.js";
import { DynamicStitch } from "./array/dynamic_stitch.js";
import { BatchMatMul, MatMul } from "./math/matmul.js";
import { ArgMax, ArgMin } from "./math/arg.js";
import { Cumprod, Cumsum } from "./math/scan.js";
import { BroadcastTo, ExpandDims, Rank, Size, Squeeze } from "./array/shape.js";
import { ConcatOffset, ConcatV2, Pack, Unpack } from "./array/join.js";
import { InvertPermutation, Transpose } from "./array/transpose.js";
import { Slice, StridedSlice, StridedSliceGrad, StridedSliceAssign } from "./array/slice.js";
import { Pad, PadV2, Tile } from "./array/pad.js";
import { GatherV2, OneHot } from "./array/gather.js";
import { Select, Where } from "./array/select.js";
import { PreventGradient, ShapeN } from "./core/identity.js";
import { ListDiff } from "./array/setdiff.js";
import { Elu, EluGrad, LeakyRelu, LeakyReluGrad, Relu, Relu6, Relu6Grad, ReluGrad, Softplus, SoftplusGrad } from "./nn/activation.js";
import { LogSoftmax, Softmax } from "./nn/softmax.js";
import { SoftmaxCrossEntropyWithLogits, SparseSoftmaxCrossEntropyWithLogits } from "./nn/xent.js";
import { BiasAdd, BiasAddGrad, L2Loss } from "./nn/bias.js";
import { LinSpace } from "./math/linspace.js";
import { Diag, DiagPart, MatrixBandPart, MatrixDiag, MatrixDiagPart, MatrixSetDiag } from "./array/matrix_diag.js";
import { DynamicPartition } from "./array/partition.js";
import { TensorScatterAdd, TensorScatterSub, TensorScatterUpdate } from "./array/tensor_scatter.js";
import { IsFinite, IsInf, IsNan } from "./math/float_class.js";
import { AccumulateNV2 } from "./math/accumulate.js";
import { Acos, Acosh, Asin, Asinh, Atan, Atan2, Atanh, Cosh, Erf, Expm1, Sinh, Softsign, SoftsignGrad, Tan } from "./math/unary_more.js";
import { Bincount, HistogramFixedWidth, InTopKV2, LowerBound, UpperBound } from "./math/counting.js";
import { UnsortedSegmentMax, UnsortedSegmentMin, UnsortedSegmentProd, UnsortedSegmentSum } from "./math/unsorted_segment.js";
import { ScatterAdd, ScatterDiv, ScatterMax, ScatterMin, ScatterMul, ScatterNdAdd, ScatterNdSub, ScatterNdUpdate, ScatterSub, ScatterUpdate } from "./state/scatter.js";
import { SegmentMax, SegmentMean, SegmentMin, SegmentProd, SegmentSum } from "./math/segment.js";
import { TopKV2 } from "./sort/top_k.js";
import { Unique, UniqueWithCounts } from "./array/unique.js";
import { GatherNd, ScatterNd } from "./array/gather_nd.js";
import { MirrorPad, MirrorPadGrad } from "./array/mirror_pad.js";
import { BatchToSpaceND, SpaceToBatchND } from "./array/space_batch.js";
import { DepthToSpace, SpaceToDepth } from "./array/space_depth.js";
import { Split, SplitV } from "./array/split.js";
import { ReverseSequence, ReverseV2, Roll } from "./array/reverse.js";
import { Conv2D, Conv2DBackpropFilter, Conv2DBackpropInput } from "./nn/conv.js";
import { AvgPool, AvgPoolGrad, MaxPool, MaxPoolGrad, MaxPoolGradGrad } from "./nn/pool.js";
import { RandomShuffle, RandomStandardNormal, RandomUniform, RandomUniformInt, TruncatedNormal } from "./random/random.js";

export const OPS = new OpRegistry([
  // core
  Const,
  Placeholder,
  PlaceholderWithDefault,
  Identity,
  NoOp,
  StopGradient,
  // state
  VariableV2,
  Assign,
  AssignAdd,
  AssignSub,
  IsVariableInitialized,
  ScatterUpdate,
  ScatterAdd,
  ScatterSub,
  ScatterMul,
  ScatterDiv,
  ScatterMin,
  ScatterMax,
  ScatterNdUpdate,
  ScatterNdAdd,
  ScatterNdSub,
  // logging
  Print,
  Assert,
  // control flow (tf.cond, tf.while_loop) and the stacks of a while loop's gradient
  Switch,
  RefSwitch,
  Merge,
  Enter,
  RefEnter,
  Exit,
  NextIteration,
  LoopCond,
  ControlTrigger,
  StackV2,
  StackPushV2,
  StackPopV2,
  // checkpoints
  SaveV2,
  RestoreV2,
  // summaries
  ScalarSummary,
  HistogramSummary,
  MergeSummary,
  // tf.data: datasets and iterators
  ...DATA_OPS,
  // training
  ApplyGradientDescent,
  ApplyMomentum,
  ApplyAdam,
  ApplyRMSProp,
  ApplyAdagrad,
  // math
  Add,
  Sub,
  Mul,
  RealDiv,
  DivNoNan,
  FloorDiv,
  FloorMod,
  Pow,
  Maximum,
  Minimum,
  SquaredDifference,
  Neg,
  Abs,
  Square,
  Sqrt,
  Rsqrt,
  Exp,
  Log,
  Log1p,
  Sign,
  Reciprocal,
  Sigmoid,
  Tanh,
  Floor,
  Ceil,
  Round,
  Sin,
  Cos,
  SqrtGrad,
  RsqrtGrad,
  TanhGrad,
  SigmoidGrad,
  ReciprocalGrad,
  Equal,
  NotEqual,
  Less,
  LessEqual,
  Greater,
  GreaterEqual,
  LogicalAnd,
  LogicalOr,
  LogicalNot,
  Sum,
  Mean,
  Max,
  Min,
  Prod,
  All,
  Any,
  ArgMax,
  ArgMin,
  Cumsum,
  Cumprod,
  AddN,
  Cast,
  MatMul,
  BatchMatMul,
  Range,
  LinSpace,
  DynamicStitch,
  SegmentSum,
  SegmentMean,
  SegmentMax,
  SegmentMin,
  SegmentProd,
  TopKV2,
  // shapes (what gradients are built from)
  Shape,
  Reshape,
  Fill,
  ZerosLike,
  BroadcastGradientArgs,
  // array
  Size,
  Rank,
  ExpandDims,
  Squeeze,
  BroadcastTo,
  ConcatV2,
  ConcatOffset,
  Pack,
  Unpack,
  Transpose,
  InvertPermutation,
  Slice,
  StridedSlice,
  StridedSliceGrad,
  StridedSliceAssign,
  Pad,
  PadV2,
  MirrorPad,
  MirrorPadGrad,
  SpaceToBatchND,
  BatchToSpaceND,
  SpaceToDepth,
  DepthToSpace,
  Tile,
  GatherV2,
  OneHot,
  UnsortedSegmentSum,
  Select,
  Where,
  PreventGradient,
  ShapeN,
  ListDiff,
  Unique,
  GatherNd,
  ScatterNd,
  Split,
  SplitV,
  ReverseV2,
  ReverseSequence,
  Roll,
  MatrixDiag,
  MatrixDiagPart,
  MatrixSetDiag,
  MatrixBandPart,
  Diag,
  DiagPart,
  DynamicPartition,
  TensorScatterUpdate,
  TensorScatterAdd,
  TensorScatterSub,
  UniqueWithCounts,
  IsNan,
  IsInf,
  IsFinite,
  AccumulateNV2,
  Tan,
  Asin,
  Acos,
  Atan,
  Atan2,
  Sinh,
  Cosh,
  Asinh,
  Acosh,
  Atanh,
  Expm1,
  Erf,
  Softsign,
  SoftsignGrad,
  HistogramFixedWidth,
  Bincount,
  LowerBound,
  UpperBound,
  InTopKV2,
  UnsortedSegmentMax,
  UnsortedSegmentMin,
  UnsortedSegmentProd,
  // nn
  Relu,
  ReluGrad,
  Relu6,
  Relu6Grad,
  Elu,
  EluGrad,
  Softplus,
  SoftplusGrad,
  LeakyRelu,
  LeakyReluGrad,
  Softmax,
  LogSoftmax,
  SoftmaxCrossEntropyWithLogits,
  SparseSoftmaxCrossEntropyWithLogits,
  BiasAdd,
  BiasAddGrad,
  L2Loss,
  Conv2D,
  Conv2DBackpropInput,
  Conv2DBackpropFilter,
  MaxPool,
  MaxPoolGrad,
  MaxPoolGradGrad,
  AvgPool,
  AvgPoolGrad,
  // random
  RandomUniform,
  RandomUniformInt,
  RandomStandardNormal,
  TruncatedNormal,
  RandomShuffle,
  // sparse
  SparseToDense,
  SparseTensorDenseAdd,
  SparseAdd,
  SparseAddGrad,
  SparseReduceSum,
  SparseReduceMax,
  SparseTensorDenseMatMul,
]);
