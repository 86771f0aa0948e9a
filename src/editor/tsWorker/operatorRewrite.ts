/**
 * Operator overloading, as the TypeScript checker should see it.
 *
 * The runner gives `a * 2` Python's meaning (a Mul op when `a` is a tensor), but TypeScript
 * types `a * 2` as `number`, so `m.name` after `const m = a * 2` would be an error. Before the
 * editor's TS worker checks the learner's file, this rewrites every arithmetic, comparison and
 * bitwise operator the runner rewrites into a call of a typed helper declared in the globals
 * file (`a * 2` → `__mul(a , 2)`, `-a` → `__neg(a)`): the helpers' overloads return `number`
 * for numbers, `string` for string concatenation and `Tensor` when either side is a tensor.
 *
 * The rewrite only inserts text and replaces operator tokens, so a `PositionMap` maps offsets
 * both ways: the editor's positions into the rewritten text, and the checker's spans back.
 *
 * Pure: it takes the `ts` API as a parameter (the TS worker's, or Monaco's bundled one in tests).
 */

/** The few parts of the TypeScript API the rewrite uses. */
export interface TsLike {
  createSourceFile(fileName: string, text: string, languageVersion: number, setParentNodes?: boolean): TsNode;
  forEachChild(node: TsNode, cb: (child: TsNode) => void): void;
  ScriptTarget: { Latest: number };
  SyntaxKind: Record<string, number>;
}

export interface TsNode {
  kind: number;
  pos: number;
  end: number;
  getStart(sourceFile?: TsNode): number;
  /** BinaryExpression */
  left?: TsNode;
  right?: TsNode;
  operatorToken?: TsNode;
  /** PrefixUnaryExpression */
  operator?: number;
  operand?: TsNode;
}

/** One change: original range [start, end) becomes `text`. */
interface Edit {
  start: number;
  end: number;
  text: string;
  /** Where a position exactly at an insertion point goes: before ("close") or after ("open"). */
  side: "open" | "close" | "replace";
  depth: number;
}

/** A contiguous piece of the rewritten text: copied from the original, or inserted. */
interface Segment {
  rewStart: number;
  rewEnd: number;
  origStart: number;
  origEnd: number;
  copied: boolean;
}

/** Offsets between the learner's text and the rewritten one. */
export class PositionMap {
  constructor(private readonly segments: Segment[], private readonly edits: Edit[]) {}

  /** True when the rewrite changed nothing. */
  get identity(): boolean {
    return this.edits.length === 0;
  }

  /** An offset of the learner's text → the rewritten text. */
  toRewritten(orig: number): number {
    let delta = 0;
    for (const e of this.edits) {
      if (e.start > orig) break;
      if (e.start === orig && e.end === orig) {
        // An insertion exactly here: an opening call goes before the operand that starts here;
        // a closing parenthesis goes after the operand that ends here.
        if (e.side === "open") delta += e.text.length;
        continue;
      }
      if (orig < e.end) return e.start + delta; // inside a replaced operator token
      delta += e.text.length - (e.end - e.start);
    }
    return orig + delta;
  }

  /** An offset of the rewritten text → the learner's text (inserted text maps to its anchor). */
  toOriginal(rew: number): number {
    let lo = 0;
    let hi = this.segments.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = this.segments[mid];
      if (rew < s.rewStart) hi = mid - 1;
      else if (rew >= s.rewEnd) lo = mid + 1;
      else return s.copied ? s.origStart + (rew - s.rewStart) : s.origStart;
    }
    const last = this.segments[this.segments.length - 1];
    return last === undefined ? rew : last.origEnd;
  }

  /** A span (start, length) of the rewritten text → the learner's text. */
  spanToOriginal(start: number, length: number): { start: number; length: number } {
    const s = this.toOriginal(start);
    const e = this.toOriginal(start + length);
    return { start: s, length: Math.max(0, e - s) };
  }
}

/** The parts of TypeScript's NavigationTree this maps (the outline and sticky scroll read it). */
export interface NavigationItem {
  spans: { start: number; length: number }[];
  nameSpan?: { start: number; length: number };
  childItems?: NavigationItem[];
}

/**
 * A navigation tree computed on the rewritten text, with every span in the learner's text.
 * @example
 * const tree = navigationTreeToOriginal(ls.getNavigationTree(file), rewritten.map);
 */
export function navigationTreeToOriginal<T extends NavigationItem>(item: T, map: PositionMap): T {
  return {
    ...item,
    spans: item.spans.map((s) => map.spanToOriginal(s.start, s.length)),
    ...(item.nameSpan ? { nameSpan: map.spanToOriginal(item.nameSpan.start, item.nameSpan.length) } : {}),
    ...(item.childItems ? { childItems: item.childItems.map((c) => navigationTreeToOriginal(c, map)) } : {}),
  };
}

export interface Rewritten {
  text: string;
  map: PositionMap;
}

/** Binary operators the runner rewrites, and the helper each becomes. */
const BINARY_HELPERS: Record<string, string> = {
  PlusToken: "__add",
  MinusToken: "__sub",
  AsteriskToken: "__mul",
  SlashToken: "__truediv",
  PercentToken: "__mod",
  AsteriskAsteriskToken: "__pow",
  LessThanToken: "__lt",
  LessThanEqualsToken: "__le",
  GreaterThanToken: "__gt",
  GreaterThanEqualsToken: "__ge",
  AmpersandToken: "__and",
  BarToken: "__or",
  CaretToken: "__xor",
};

const UNARY_HELPERS: Record<string, string> = {
  MinusToken: "__neg",
  TildeToken: "__invert",
};

/** Rewrites the operators of `text` (a TypeScript file) into typed helper calls. */
export function rewriteOperators(ts: TsLike, text: string): Rewritten {
  const K = ts.SyntaxKind;
  const binary = new Map<number, string>();
  for (const [name, helper] of Object.entries(BINARY_HELPERS)) binary.set(K[name], helper);
  const unary = new Map<number, string>();
  for (const [name, helper] of Object.entries(UNARY_HELPERS)) unary.set(K[name], helper);

  const sf = ts.createSourceFile("rewrite.ts", text, ts.ScriptTarget.Latest, true);
  const edits: Edit[] = [];

  const visit = (node: TsNode, depth: number): void => {
    // Enum members must stay constant expressions; types never contain these operators.
    if (node.kind === K.EnumDeclaration) return;
    if (node.kind === K.BinaryExpression && node.left && node.right && node.operatorToken) {
      const helper = binary.get(node.operatorToken.kind);
      if (helper !== undefined) {
        const start = node.left.getStart(sf);
        const opStart = node.operatorToken.getStart(sf);
        edits.push({ start, end: start, text: `${helper}(`, side: "open", depth });
        edits.push({ start: opStart, end: node.operatorToken.end, text: ",", side: "replace", depth });
        edits.push({ start: node.right.end, end: node.right.end, text: ")", side: "close", depth });
      }
    } else if (node.kind === K.PrefixUnaryExpression && node.operand && node.operator !== undefined) {
      const helper = unary.get(node.operator);
      // `-2` stays a literal (a number type, usable in types and constant contexts).
      if (helper !== undefined && node.operand.kind !== K.NumericLiteral) {
        const start = node.getStart(sf);
        edits.push({ start, end: start + 1, text: `${helper}(`, side: "replace", depth });
        edits.push({ start: node.operand.end, end: node.operand.end, text: ")", side: "close", depth });
      }
    }
    ts.forEachChild(node, (child) => visit(child, depth + 1));
  };
  visit(sf, 0);

  if (edits.length === 0) {
    return { text, map: new PositionMap([{ rewStart: 0, rewEnd: text.length, origStart: 0, origEnd: text.length, copied: true }], []) };
  }

  // Order: by offset; at one offset, closings (inner first: all are ")") before openings, and
  // openings outer first, so `a * b + c` becomes `__add(__mul(a , b) , c)`.
  const rank = (e: Edit) => (e.side === "close" ? 0 : e.side === "open" ? 1 : 2);
  edits.sort((a, b) => a.start - b.start || rank(a) - rank(b) || (a.side === "open" ? a.depth - b.depth : b.depth - a.depth));

  let out = "";
  const segments: Segment[] = [];
  let orig = 0;
  const copy = (until: number) => {
    if (until <= orig) return;
    segments.push({ rewStart: out.length, rewEnd: out.length + (until - orig), origStart: orig, origEnd: until, copied: true });
    out += text.slice(orig, until);
    orig = until;
  };
  for (const e of edits) {
    copy(e.start);
    segments.push({ rewStart: out.length, rewEnd: out.length + e.text.length, origStart: e.start, origEnd: e.end, copied: false });
    out += e.text;
    orig = Math.max(orig, e.end);
  }
  copy(text.length);
  return { text: out, map: new PositionMap(segments, edits) };
}
