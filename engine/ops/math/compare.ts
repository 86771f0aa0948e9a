/**
 * Comparisons (Equal, NotEqual, Less, LessEqual, Greater, GreaterEqual) and logic (LogicalAnd,
 * LogicalOr, LogicalNot), all with bool outputs and broadcasting (Equal and NotEqual also
 * compare strings and bools). TF marks every one of them
 * NotDifferentiable (math_grad.py).
 */
import { DType, bool } from "../../dtypes.js";
import { defineOp, OpDef, TypeAttrSpec } from "../../op.js";
import { binaryBroadcast, unaryMap } from "../../kernels/elementwise.js";
import { broadcastShapeFn, sameShapeAsInput0 } from "../support/common.js";
import { MATH_TYPES } from "../support/math_types.js";

type CmpAttrs = { T: DType; incompatible_shape_error?: boolean };
type F = (x: number, y: number) => number;

/** Declares a broadcasting comparison with a bool output. */
function comparison(type: string, doc: string, types: TypeAttrSpec, f: F): OpDef<CmpAttrs> {
  return defineOp<CmpAttrs>({
    type,
    doc,
    inputs: [
      { name: "x", typeAttr: "T" },
      { name: "y", typeAttr: "T" },
    ],
    typeAttrs: { T: types },
    effects: [],
    inferDtype: () => [bool],
    inferShape: broadcastShapeFn,
    kernel: ([a, b], k) => binaryBroadcast(a, b, bool, k, f),
    gradient: null,
  });
}

const eq: F = (x, y) => (x === y ? 1 : 0);
const ne: F = (x, y) => (x !== y ? 1 : 0);
const lt: F = (x, y) => (x < y ? 1 : 0);
const le: F = (x, y) => (x <= y ? 1 : 0);
const gt: F = (x, y) => (x > y ? 1 : 0);
const ge: F = (x, y) => (x >= y ? 1 : 0);
const and: F = (x, y) => (x && y ? 1 : 0);
const or: F = (x, y) => (x || y ? 1 : 0);
const not = (x: number) => (x ? 0 : 1);

export const Equal = comparison("Equal", "Elementwise `x == y`, with broadcasting.", MATH_TYPES.equality, eq);
export const NotEqual = comparison("NotEqual", "Elementwise `x != y`, with broadcasting.", MATH_TYPES.equality, ne);
export const Less = comparison("Less", "Elementwise `x < y`, with broadcasting.", MATH_TYPES.realnumbertype, lt);
export const LessEqual = comparison("LessEqual", "Elementwise `x <= y`, with broadcasting.", MATH_TYPES.realnumbertype, le);
export const Greater = comparison("Greater", "Elementwise `x > y`, with broadcasting.", MATH_TYPES.realnumbertype, gt);
export const GreaterEqual = comparison("GreaterEqual", "Elementwise `x >= y`, with broadcasting.", MATH_TYPES.realnumbertype, ge);

/** Declares a logical op on bool inputs. */
function logical(type: string, doc: string, f: F): OpDef<Record<string, never>> {
  return defineOp({
    type,
    doc,
    inputs: [
      { name: "x", dtype: bool },
      { name: "y", dtype: bool },
    ],
    effects: [],
    inferDtype: () => [bool],
    inferShape: broadcastShapeFn,
    kernel: ([a, b], k) => binaryBroadcast(a, b, bool, k, f),
    gradient: null,
  });
}

export const LogicalAnd = logical("LogicalAnd", "Elementwise `x AND y` of bools, with broadcasting.", and);
export const LogicalOr = logical("LogicalOr", "Elementwise `x OR y` of bools, with broadcasting.", or);

export const LogicalNot = defineOp({
  type: "LogicalNot",
  doc: "Elementwise `NOT x` of bools.",
  inputs: [{ name: "x", dtype: bool }],
  effects: [],
  inferDtype: () => [bool],
  inferShape: sameShapeAsInput0,
  kernel: ([x], k) => unaryMap(x, bool, k, not),
  gradient: null,
});
