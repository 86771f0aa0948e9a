/** Questions about acorn nodes that the rewrite asks. */
import type { AnyNode, Literal, MemberExpression, Node } from "acorn";
import { LINE_NAME } from "./names";

/** An AST node, as opposed to the other values acorn stores on nodes (names, regex flags, ...). */
export function isNode(value: unknown): value is AnyNode {
  return typeof value === "object" && value !== null && typeof (value as { type?: unknown }).type === "string";
}

/** The instrumentation for a statement, or "" where running it would record nothing useful. */
export function lineMark(statement: AnyNode): string {
  switch (statement.type) {
    case "EmptyStatement":
    case "BlockStatement": // its own statements are marked
    case "FunctionDeclaration": // hoisted: nothing runs where it stands
      return "";
    case "ExpressionStatement":
      // Anything before `"use strict"` would turn the directive into a plain string.
      if (statement.directive !== undefined) return "";
  }
  if (statement.loc == null) throw new Error("transpile: acorn must be run with `locations: true`");
  return `${LINE_NAME}.l=${statement.loc.start.line};`;
}

export function unparenthesized(node: Node): AnyNode {
  let inner = node as AnyNode;
  while (inner.type === "ParenthesizedExpression") inner = inner.expression;
  return inner;
}

export function isNumberLiteral(node: AnyNode): node is Literal {
  return node.type === "Literal" && (typeof node.value === "number" || typeof node.value === "bigint");
}

/** `2`, `-1`, `(2.0)`, `-2.0`: a number written in place, which some contexts must keep as is. */
export function isPlainNumber(node: AnyNode): boolean {
  const inner = unparenthesized(node);
  if (inner.type === "UnaryExpression" && (inner.operator === "-" || inner.operator === "+")) {
    return isNumberLiteral(inner.argument);
  }
  return isNumberLiteral(inner);
}

/** `o.p`, `this.p`, `a[i]`, `a[0]`, `super.p`, `this.#p`: no part can have side effects. */
export function isSimpleMember(member: MemberExpression): boolean {
  const { object, property } = member;
  if (object.type !== "Identifier" && object.type !== "ThisExpression" && object.type !== "Super") return false;
  return !member.computed || property.type === "Identifier" || property.type === "Literal";
}

/**
 * The value of a literal written as a float (`2.0`, `1e3`, `.0`) that holds a whole number;
 * undefined for ints (`2`, `0x10`, `1n`) and for fractions, which are floats anyway.
 */
export function wholeFloatValue(node: Literal): number | undefined {
  const { value, raw } = node;
  if (typeof value !== "number" || raw === undefined) return undefined;
  if (/^0[xob]/i.test(raw) || !/[.e]/i.test(raw)) return undefined;
  return Number.isInteger(value) ? value : undefined;
}
