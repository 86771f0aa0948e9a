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
]);
