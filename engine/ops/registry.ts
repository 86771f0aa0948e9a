/**
 * Every op type the engine knows, in one literal list. The registry throws on a duplicate
 * type, so two declarations of one op cannot silently shadow each other.
 */
import { OpRegistry } from "../op.js";
import { Const, Identity, NoOp, Placeholder, PlaceholderWithDefault, StopGradient } from "./core.js";
import { Assign, AssignAdd, AssignSub, IsVariableInitialized, VariableV2 } from "./state.js";
import { Print } from "./logging.js";
import { ApplyAdagrad, ApplyAdam, ApplyGradientDescent, ApplyMomentum, ApplyRMSProp } from "./training.js";
import { Add, Mul, Sub } from "./math_binary.js";
import { BroadcastTo, ExpandDims, Rank, Size, Squeeze } from "./array_shape.js";
import { ConcatOffset, ConcatV2, Pack, Unpack } from "./array_join.js";
import { InvertPermutation, Transpose } from "./array_transpose.js";
import { Slice, StridedSlice, StridedSliceGrad } from "./array_slice.js";
import { Pad, PadV2, Tile } from "./array_pad.js";
import { GatherV2, OneHot, UnsortedSegmentSum } from "./array_gather.js";
import { Select, Where } from "./array_select.js";
import { PreventGradient, ShapeN } from "./array_identity.js";
import { ListDiff } from "./array_setdiff.js";
import { Elu, EluGrad, LeakyRelu, LeakyReluGrad, Relu, Relu6, Relu6Grad, ReluGrad, Softplus, SoftplusGrad } from "./nn_activation.js";
import { LogSoftmax, Softmax } from "./nn_softmax.js";
import { SoftmaxCrossEntropyWithLogits, SparseSoftmaxCrossEntropyWithLogits } from "./nn_xent.js";
import { BiasAdd, BiasAddGrad, L2Loss } from "./nn_bias.js";
import { RandomShuffle, RandomStandardNormal, RandomUniform, RandomUniformInt, TruncatedNormal } from "./random.js";

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
  // logging
  Print,
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
  Pad,
  PadV2,
  Tile,
  GatherV2,
  OneHot,
  UnsortedSegmentSum,
  Select,
  Where,
  PreventGradient,
  ShapeN,
  ListDiff,
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
  // random
  RandomUniform,
  RandomUniformInt,
  RandomStandardNormal,
  TruncatedNormal,
  RandomShuffle,
]);
