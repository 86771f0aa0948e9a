import type {
  AnyNode,
  AssignmentExpression,
  BinaryExpression,
  Expression,
  Literal,
  MemberExpression,
  ObjectExpression,
  Pattern,
  PrivateIdentifier,
  Program,
  Property,
  Statement,
  Super,
  UnaryExpression,
} from "acorn";
import MagicString from "magic-string";
import { LINE_NAME, RUNTIME_NAME } from "./names";
import { isNode, isNumberLiteral, isPlainNumber, isSimpleMember, lineMark, unparenthesized, wholeFloatValue } from "./nodes";
import { isHorizontalBlank, keepBreaks, skipTrivia } from "./text";
import { NO_MODULES } from "./unsupported";

/** The countdown at the start of every loop body (see `loopBody`). */
const LOOP_TICK = `if(--${LINE_NAME}.c<0)${LINE_NAME}.t();`;

/** Operators whose meaning the runtime decides: `a + b` → `__py.add(a, b)`. */
const BINARY = new Map([
  ["+", "add"], ["-", "sub"], ["*", "mul"], ["/", "truediv"], ["%", "mod"], ["**", "pow"],
  ["<", "lt"], ["<=", "le"], [">", "gt"], [">=", "ge"], ["&", "and"], ["|", "or"], ["^", "xor"],
]);

/** `x += y` → `x = __py.add(x, y)`, with the names of `BINARY`. */
const COMPOUND = new Map([
  ["+=", "add"], ["-=", "sub"], ["*=", "mul"], ["/=", "truediv"], ["%=", "mod"], ["**=", "pow"],
  ["&=", "and"], ["|=", "or"], ["^=", "xor"],
]);

/** `x === 2.0` must stay true for the number 2, so equality operands keep their literals. */
const EQUALITY = new Set(["==", "===", "!=", "!=="]);

/** The property name a non-computed key stands for: `a`, `"a"`, `1` → "a", "a", "1". */
function staticKey(key: AnyNode): string {
  if (key.type === "Identifier") return key.name;
  if (key.type === "Literal") return String(key.value);
  throw new Error(`transpile: unexpected object key ${key.type}`);
}

/** Something in the learner's program we refuse, at an offset of the code being rewritten. */
export class RewriteRejection extends Error {
  constructor(
    reason: string,
    readonly offset: number,
  ) {
    super(reason);
  }
}

/**
 * Rewrites operators, float literals and line instrumentation in place.
 *
 * Edits follow one discipline so that nested rewrites compose: nodes are visited outer first;
 * text opening a node (`__py.add(`, `{`, `__ln.l=3;`) is appended to the right of its start,
 * so an inner node's opening lands after its parent's; text closing a node is prepended to the
 * left of its end, so an inner node's closing lands before its parent's; operators are
 * replaced with `update`, which keeps whatever was attached at their ends.
 *
 * @param code JavaScript (sucrase's output)
 * @param program acorn's AST of `code`, parsed with `locations` and `preserveParens`
 * @throws RewriteRejection for dynamic `import()` and for our reserved names
 */
export function rewrite(code: string, program: Program): string {
  const rewriter = new Rewriter(code);
  rewriter.visit(program);
  return rewriter.out.toString();
}

class Rewriter {
  readonly out: MagicString;

  constructor(private readonly code: string) {
    this.out = new MagicString(code);
  }

  visit(node: AnyNode | null | undefined): void {
    if (node == null) return;
    switch (node.type) {
      case "Program":
      case "BlockStatement":
      case "StaticBlock":
        this.instrumentAll(node.body);
        break;
      case "SwitchCase":
        // `case 2.0:` must still match the number 2.
        if (node.test) this.visitUnlessPlainNumber(node.test);
        this.instrumentAll(node.consequent);
        for (const statement of node.consequent) this.visit(statement);
        return;
      case "IfStatement":
        this.wrap(node.consequent);
        if (node.alternate) this.wrap(node.alternate);
        break;
      case "ForStatement":
      case "ForInStatement":
      case "ForOfStatement":
      case "WhileStatement":
      case "DoWhileStatement":
        this.loopBody(node.body);
        break;
      case "WithStatement":
        this.wrap(node.body);
        break;
      case "BinaryExpression":
        return this.binary(node);
      case "UnaryExpression":
        return this.unary(node);
      case "AssignmentExpression":
        return this.assignment(node);
      case "Literal":
        return this.literal(node);
      case "ObjectExpression":
        if (this.objectWithComputedKeys(node)) return;
        break;
      case "Property":
      case "MethodDefinition":
      case "PropertyDefinition":
        // A key is a name, not a value: `{2.0: x}` cannot become a call, `[2.0]` would be keyed
        // by the boxed float's string.
        if (node.computed) this.visitUnlessPlainNumber(node.key);
        return this.visit(node.value);
      case "MemberExpression":
        // `(2.0).toFixed(1)` is a number method call; `a[2.0]` an index.
        this.visitUnlessPlainNumber(node.object);
        if (node.computed) this.visitUnlessPlainNumber(node.property);
        return;
      case "Identifier":
        if (node.name === RUNTIME_NAME || node.name === LINE_NAME) {
          throw new RewriteRejection(`\`${node.name}\` is reserved by the playground: please choose another name`, node.start);
        }
        return;
      case "ImportExpression":
      case "MetaProperty":
        if (node.type === "ImportExpression" || node.meta.name === "import") {
          throw new RewriteRejection(NO_MODULES, node.start);
        }
        return;
    }
    this.visitChildren(node);
  }

  private visitChildren(node: AnyNode): void {
    // Generic, so that every node type (including ones added to acorn later) is searched.
    const fields = node as unknown as Record<string, unknown>;
    for (const key in fields) {
      if (key === "loc") continue;
      const value = fields[key];
      if (Array.isArray(value)) {
        for (const item of value) if (isNode(item)) this.visit(item);
      } else if (isNode(value)) {
        this.visit(value);
      }
    }
  }

  private visitUnlessPlainNumber(node: Expression | PrivateIdentifier | Pattern | Super): void {
    if (!isPlainNumber(node)) this.visit(node);
  }

  // --- Line instrumentation -------------------------------------------------------------

  private instrumentAll(statements: readonly AnyNode[]): void {
    for (const statement of statements) {
      const mark = lineMark(statement);
      if (mark !== "") this.out.appendRight(statement.start, mark);
    }
  }

  /**
   * Every loop iteration counts down the line cell's tick counter first: `while (c) {}` →
   * `while (c) {if(--__ln.c<0)__ln.t();}`. The tick lets the worker post what is pending and
   * where the program is while a loop runs without events (a hang is still stoppable, and
   * nothing printed before it is lost); a countdown keeps it to a decrement per iteration.
   */
  private loopBody(body: Statement): void {
    if (body.type === "BlockStatement") {
      this.out.appendRight(body.start + 1, LOOP_TICK);
    } else if (body.type === "EmptyStatement") {
      this.out.update(body.start, body.end, `{${LOOP_TICK}}`);
    } else {
      this.out.appendRight(body.start, `{${LOOP_TICK}${lineMark(body)}`);
      this.out.prependLeft(body.end, "}");
    }
  }

  /** `if (c) stmt` → `if (c) {__ln.l=N;stmt}`, so the mark runs only when the body does. */
  private wrap(body: Statement): void {
    if (body.type === "BlockStatement" || body.type === "EmptyStatement") return;
    this.out.appendRight(body.start, `{${lineMark(body)}`);
    this.out.prependLeft(body.end, "}");
  }

  // --- Operators --------------------------------------------------------------------------

  private binary(node: BinaryExpression): void {
    const name = BINARY.get(node.operator);
    if (name !== undefined) {
      this.out.appendRight(node.start, `${RUNTIME_NAME}.${name}(`);
      this.replaceOperator(node.left.end, node.right.start, node.operator, ",", false);
      this.out.prependLeft(node.end, ")");
    }
    if (EQUALITY.has(node.operator)) {
      this.visitUnlessPlainNumber(node.left);
      this.visitUnlessPlainNumber(node.right);
    } else {
      this.visit(node.left);
      this.visit(node.right);
    }
  }

  private unary(node: UnaryExpression): void {
    const { operator, argument } = node;
    if ((operator === "-" || operator === "+") && isNumberLiteral(argument)) {
      // `-1` stays a plain number; `-2.0` is one float, not the negation of one; and `+2.0`
      // must stay a float rather than unbox it.
      const value = wholeFloatValue(argument);
      if (value !== undefined) {
        const sign = operator === "-" ? "-" : "";
        const breaks = keepBreaks(this.code.slice(node.start, node.end));
        this.out.update(node.start, node.end, `${RUNTIME_NAME}.float(${sign}${value})${breaks}`);
      }
      return;
    }
    const name = operator === "-" ? "neg" : operator === "~" ? "invert" : undefined;
    if (name !== undefined) {
      this.out.update(node.start, node.start + 1, `${RUNTIME_NAME}.${name}(`);
      this.out.prependLeft(node.end, ")");
    }
    this.visit(argument);
  }

  private literal(node: Literal): void {
    const value = wholeFloatValue(node);
    if (value !== undefined) this.out.update(node.start, node.end, `${RUNTIME_NAME}.float(${value})`);
  }

  private assignment(node: AssignmentExpression): void {
    const name = COMPOUND.get(node.operator);
    const target = unparenthesized(node.left);
    if (name === undefined) {
      this.visit(node.left);
      this.visit(node.right);
    } else if (target.type === "Identifier" || (target.type === "MemberExpression" && isSimpleMember(target))) {
      // Reading these twice has no side effects, and in `t = op(t, y)` the target is still
      // resolved before `y` runs, so duplicating is exact, and faster than a keyed helper.
      const text = this.code.slice(node.left.start, node.left.end);
      this.replaceOperator(node.left.end, node.right.start, node.operator, `= ${RUNTIME_NAME}.${name}(${text},`, true);
      this.out.prependLeft(node.end, ")");
      this.visit(node.left);
      this.visit(node.right);
    } else if (target.type === "MemberExpression" && target.object.type !== "Super" && target.property.type !== "PrivateIdentifier") {
      this.augmented(node, target, name);
    } else {
      // `super[f()] += y` and `f().#x += y` cannot be passed to a helper (a `super` or `#x`
      // reference is not a value); rare enough to keep JavaScript's meaning. The common
      // `super.x += y` and `this.#x += y` are simple targets, handled above.
      this.visit(node.left);
      this.visit(node.right);
    }
  }

  // --- Object literals ---------------------------------------------------------------------

  /**
   * `{[a]: x, b: y}` → `__py.object(__py.key(a), x, "b", y)`: the same object, built by
   * stores instead of V8's slow path for computed keys in a literal (a feed_dict literal in a
   * training loop otherwise costs as much as the step). Keys are converted where the literal
   * converts them (before their value is evaluated). Literals with spreads, methods,
   * accessors or a `__proto__:` entry keep JavaScript's form. Returns false when not rewritten.
   */
  private objectWithComputedKeys(node: ObjectExpression): boolean {
    const props = node.properties;
    if (!props.some((p) => p.type === "Property" && p.computed)) return false;
    for (const p of props) {
      if (p.type !== "Property" || p.kind !== "init" || p.method) return false;
      if (!p.computed && staticKey(p.key) === "__proto__") return false;
    }
    this.out.update(node.start, node.start + 1, `${RUNTIME_NAME}.object(`);
    for (const p of props as Property[]) {
      if (p.computed) {
        // `[k]` → `__py.key(k)`
        const close = skipTrivia(this.code, p.key.end, p.value.start);
        if (this.code[p.start] !== "[" || this.code[close] !== "]") throw new Error(`transpile: expected [key] at offset ${p.start}`);
        this.out.update(p.start, p.start + 1, `${RUNTIME_NAME}.key(`);
        this.out.update(close, close + 1, ")");
        this.replaceOperator(close + 1, p.value.start, ":", ",", false);
        this.visitUnlessPlainNumber(p.key);
      } else if (p.shorthand) {
        this.out.appendRight(p.start, `${JSON.stringify(staticKey(p.key))}, `);
      } else {
        this.out.update(p.key.start, p.key.end, JSON.stringify(staticKey(p.key)));
        this.replaceOperator(p.key.end, p.value.start, ":", ",", false);
      }
      this.visit(p.value);
    }
    this.out.update(node.end - 1, node.end, ")");
    return true;
  }

  /** `o[k()] += y` → `__py.aug(o, k(), "add", y)`: object and key are evaluated once. */
  private augmented(node: AssignmentExpression, target: MemberExpression, name: string): void {
    const { object, property } = target;
    this.out.appendRight(node.start, `${RUNTIME_NAME}.aug(`);
    // acorn's types omit it, but with `preserveParens` a target can be parenthesized: `(o.p) += 1`.
    for (let outer = node.left as AnyNode; outer.type === "ParenthesizedExpression"; outer = outer.expression) {
      this.erase(outer.start, outer.expression.start);
      this.erase(outer.expression.end, outer.end);
    }
    if (target.computed) {
      this.out.update(object.end, property.start, `, ${keepBreaks(this.code.slice(object.end, property.start))}`);
      this.erase(property.end, target.end);
    } else {
      const key = JSON.stringify((property as { name: string }).name);
      this.out.update(object.end, target.end, `, ${key}${keepBreaks(this.code.slice(object.end, target.end))}`);
    }
    this.replaceOperator(node.left.end, node.right.start, node.operator, `, "${name}",`, false);
    this.out.prependLeft(node.end, ")");
    this.visitUnlessPlainNumber(object as Expression | Super);
    if (target.computed) this.visitUnlessPlainNumber(property as Expression);
    this.visit(node.right);
  }

  /**
   * Replaces the operator between two operands, keeping comments and line breaks around it.
   * `a + b` with `","` gives `a, b`.
   */
  private replaceOperator(from: number, to: number, operator: string, replacement: string, spaceBefore: boolean): void {
    const at = skipTrivia(this.code, from, to);
    if (!this.code.startsWith(operator, at)) {
      throw new Error(`transpile: expected ${operator} at offset ${at}`);
    }
    const before = this.code.slice(from, at);
    const after = this.code.slice(at + operator.length, to);
    const keptBefore = isHorizontalBlank(before) ? (spaceBefore ? " " : "") : before;
    this.out.update(from, to, `${keptBefore}${replacement}${after === "" ? " " : after}`);
  }

  private erase(start: number, end: number): void {
    if (end > start) this.out.update(start, end, keepBreaks(this.code.slice(start, end)));
  }
}
