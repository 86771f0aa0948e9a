/**
 * The explanation card for a failed run: what was fetched, why the culprit was needed (the
 * path in words, in the learner's names), and how to fix it, with code to copy.
 */
import type { ValueSummary } from "../../../engine";
import type { RunLike } from "./highlight";
import { opOfTensor } from "./names";
import { callWithFeed, parseRunCall } from "./runCall";
import type { GraphStructure } from "./structure";
import { endOfData, type EndOfData } from "./explainEndOfData";

export interface Fix {
  /** One sentence: what to do and why it works. */
  text: string;
  /** Code to write, when there is a precise line to suggest. */
  code?: string;
}

export interface Explanation {
  /** TF's error class, e.g. `InvalidArgumentError`. */
  errorType: string;
  title: string;
  /** What the run fetched, as the learner wrote it when possible. */
  fetched: string;
  /** Why the culprit had to run: the path from the fetch to it, in words. */
  why: string;
  /** Leaf names from the fetch to the culprit. */
  chain: string[];
  culprit: string | null;
  fixes: Fix[];
}

export interface ExplainContext {
  structure: GraphStructure;
  /** Leaf → the learner's variable name. */
  names: ReadonlyMap<string, string>;
  /** The learner's source, to quote the `sess.run` call; null when unknown. */
  source: string | null;
  /** Session id → the session's memory (variable → value, null = uninitialized) after its last kept run. */
  memories?: ReadonlyMap<number, Readonly<Record<string, ValueSummary | null>>>;
}

const code = (s: string): string => `\`${s}\``;

/** `sum_node (Add)` when the learner named the op, else `Add`. */
export function describeLeaf(ctx: ExplainContext, leaf: string): string {
  const name = ctx.names.get(leaf);
  return name !== undefined && name !== leaf ? `${code(name)} (${leaf})` : code(leaf);
}

/** What the learner calls a leaf in code: their variable, else the op's name. */
function spoken(ctx: ExplainContext, leaf: string): string {
  return ctx.names.get(leaf) ?? leaf;
}

function leafOf(ctx: ExplainContext, op: string): string {
  return ctx.structure.ops.get(op)?.leaf ?? op;
}

/** Fetch → culprit, as drawn leaves (a variable's `read` folds into the variable). */
function chainOf(ctx: ExplainContext, run: RunLike): string[] {
  const out: string[] = [];
  for (const op of run.error?.path ?? []) {
    const leaf = leafOf(ctx, op);
    if (out[out.length - 1] !== leaf) out.push(leaf);
  }
  return out;
}

function sourceLine(ctx: ExplainContext, line: number | null | undefined): string | null {
  if (ctx.source === null || line === null || line === undefined) return null;
  return ctx.source.split("\n")[line - 1] ?? null;
}

function fetchedText(ctx: ExplainContext, run: RunLike): string {
  const text = sourceLine(ctx, run.line);
  const call = text === null ? null : parseRunCall(text);
  if (call !== null) return `You ran ${code(call.text)}${run.line ? ` on line ${run.line}` : ""}.`;
  const fetches = run.fetches.map((f) => describeLeaf(ctx, leafOf(ctx, opOfTensor(f))));
  return `You fetched ${fetches.join(", ")}${run.line ? ` on line ${run.line}` : ""}.`;
}

/** `a` needs `b`, which needs `c`. */
function chainWords(ctx: ExplainContext, chain: readonly string[]): string {
  if (chain.length === 0) return "";
  if (chain.length === 1) return `${describeLeaf(ctx, chain[0])} itself is the culprit.`;
  const parts = chain.map((l) => describeLeaf(ctx, l));
  return `${parts[0]} needs ${parts.slice(1).join(", which needs ")}.`;
}

/** Ops whose value depends on `op` (along data and control edges), `op` included. */
function dependents(structure: GraphStructure, op: string): Set<string> {
  const out = new Map<string, string[]>();
  for (const e of structure.edges) {
    if (e.kind === "ref") continue;
    const list = out.get(e.src);
    if (list === undefined) out.set(e.src, [e.dst]);
    else list.push(e.dst);
  }
  const seen = new Set([op]);
  const stack = [op];
  while (stack.length > 0) {
    for (const next of out.get(stack.pop()!) ?? []) {
      if (!seen.has(next)) {
        seen.add(next);
        stack.push(next);
      }
    }
  }
  return seen;
}

/** The closest input of the fetch that can be computed without the culprit (a named one if possible). */
function safeAlternative(ctx: ExplainContext, fetchOp: string, culprit: string): string | null {
  const tainted = dependents(ctx.structure, culprit);
  const seen = new Set([fetchOp]);
  let frontier = [fetchOp];
  let firstUnnamed: string | null = null;
  while (frontier.length > 0) {
    const next: string[] = [];
    for (const op of frontier) {
      const node = ctx.structure.ops.get(op)?.node;
      if (node === undefined) continue;
      for (const input of [...node.inputs.map(opOfTensor), ...node.control_inputs]) {
        if (seen.has(input) || !ctx.structure.ops.has(input)) continue;
        seen.add(input);
        const leaf = leafOf(ctx, input);
        if (!tainted.has(input) && leaf !== leafOf(ctx, culprit)) {
          if (ctx.names.has(leaf)) return leaf;
          firstUnnamed ??= leaf;
        }
        next.push(input);
      }
    }
    if (firstUnnamed !== null) return firstUnnamed;
    frontier = next;
  }
  return null;
}

function feedFix(ctx: ExplainContext, run: RunLike, placeholder: string): Fix {
  const named = ctx.names.get(placeholder);
  const entry = named !== undefined ? `[${named}]: /* value */` : `"${placeholder}:0": /* value */`;
  const text = sourceLine(ctx, run.line);
  const call = text === null ? null : parseRunCall(text);
  const fetch = run.fetches.length === 1 ? spoken(ctx, leafOf(ctx, opOfTensor(run.fetches[0]))) : `[${run.fetches.map((f) => spoken(ctx, leafOf(ctx, opOfTensor(f)))).join(", ")}]`;
  const line = call !== null ? callWithFeed(call, entry) : `sess.run(${fetch}, {feed_dict: {${entry}}})`;
  return { text: `Feed it: give ${code(spoken(ctx, placeholder))} a value in this run's feed_dict.`, code: line };
}

/** The grouping op (`init`) that runs a variable's initializer, if the graph has one. */
function initializerOf(ctx: ExplainContext, variable: string): string | null {
  const assigns = new Set<string>();
  for (const e of ctx.structure.edges) if (e.kind === "ref" && e.dst === variable && leafOf(ctx, e.src) === variable) assigns.add(e.src);
  for (const e of ctx.structure.edges) {
    if (e.kind === "control" && assigns.has(e.src) && ctx.structure.ops.get(e.dst)?.category === "group") return e.dst;
  }
  return null;
}

/** A `global_variables_initializer()` that exists but was made before the variable. */
function earlierInitializer(ctx: ExplainContext, variable: string): string | null {
  const v = ctx.structure.ops.get(variable);
  if (v === undefined) return null;
  for (const op of ctx.structure.order) {
    const info = ctx.structure.ops.get(op)!;
    if (info.category === "group" && info.index < v.index && /^init(_\d+)?$/.test(op)) return op;
  }
  return null;
}

function variableFixes(ctx: ExplainContext, run: RunLike, variable: string): Fix[] {
  const fixes: Fix[] = [];
  const sess = parseRunCall(sourceLine(ctx, run.line) ?? "")?.session ?? "sess";
  const v = spoken(ctx, variable);
  const elsewhere = run.session === undefined ? [] : sessionsHolding(ctx, variable).filter((s) => s !== run.session);
  if (elsewhere.length > 0) {
    fixes.push({
      text: `Each session has its own memory: ${code(v)} has a value in session ${elsewhere[0]}, not in this one (session ${run.session}). Initialize it in this session too.`,
    });
  }
  const init = initializerOf(ctx, variable);
  if (init !== null) {
    fixes.push({
      text: `Run the initializer first: ${code(spoken(ctx, init))} gives ${code(v)} its initial value in this session.`,
      code: `${sess}.run(${spoken(ctx, init)});`,
    });
  } else {
    const early = earlierInitializer(ctx, variable);
    if (early !== null) {
      const line = ctx.structure.ops.get(early)!.node.line;
      fixes.push({
        text: `Create ${code(v)} before ${code("tf.global_variables_initializer()")}${line ? ` (line ${line})` : ""}: the initializer only covers the variables that exist when it is created.`,
      });
    } else {
      fixes.push({
        text: `Add an initializer after creating your variables and run it before this line.`,
        code: `const init = tf.global_variables_initializer();\n${sess}.run(init);`,
      });
    }
  }
  fixes.push({ text: `Or give it a value with an assign, which writes the variable as a side effect.`, code: `${sess}.run(tf.assign(${v}, /* value */));` });
  return fixes;
}

function sessionsHolding(ctx: ExplainContext, variable: string): number[] {
  const out: number[] = [];
  for (const [session, memory] of ctx.memories ?? []) {
    const value = memory[variable];
    if (value !== undefined && value !== null) out.push(session);
  }
  return out;
}

/** The card for a failed run; null for a run that did not fail. */
export function explainFailure(ctx: ExplainContext, run: RunLike): Explanation | null {
  const error = run.error;
  if (run.ok !== false || error === undefined) return null;
  const chain = chainOf(ctx, run);
  const culpritOp = error.op;
  const culprit = culpritOp === null ? null : leafOf(ctx, culpritOp);
  const category = culpritOp === null ? null : ctx.structure.ops.get(culpritOp)?.category ?? null;
  const fetched = fetchedText(ctx, run);
  const fixes: Fix[] = [];
  let title: string;
  let why = chainWords(ctx, chain);
  let end: EndOfData | null;

  if (culprit !== null && category === "placeholder") {
    title = `${code(spoken(ctx, culprit))} was not fed`;
    why += ` A placeholder has no value of its own: every run whose computation path reaches it must feed it.`;
    fixes.push(feedFix(ctx, run, culprit));
    const fetchOp = error.path[0] ?? opOfTensor(run.fetches[0] ?? "");
    const alt = safeAlternative(ctx, fetchOp, culpritOp!);
    fixes.push({
      text:
        alt !== null
          ? `Or fetch something that does not depend on ${code(spoken(ctx, culprit))}, such as ${code(spoken(ctx, alt))}: its path never reaches the placeholder.`
          : `Or fetch something that does not depend on ${code(spoken(ctx, culprit))}: its path must not reach the placeholder.`,
    });
  } else if (culprit !== null && category === "variable" && /uninitialized/i.test(error.message)) {
    title = `${code(spoken(ctx, culprit))} has no value yet`;
    why += ` A variable's value lives in the session, and this session has not given ${code(spoken(ctx, culprit))} one.`;
    fixes.push(...variableFixes(ctx, run, culprit));
  } else if ((end = endOfData(ctx.structure, error.type, culpritOp, parseRunCall(sourceLine(ctx, run.line) ?? "")?.session ?? "sess", (op) => spoken(ctx, leafOf(ctx, op)))) !== null) {
    title = end.title;
    why += ` ${end.why}`;
    fixes.push(...end.fixes);
  } else {
    title = culprit !== null ? `${error.type} at ${code(spoken(ctx, culprit))}` : error.type;
    why = chain.length > 0 ? `${why} ${firstLine(error.message)}` : firstLine(error.message);
  }
  return { errorType: error.type, title, fetched, why: why.trim(), chain, culprit, fixes };
}

function firstLine(message: string): string {
  const i = message.indexOf("\n");
  return i < 0 ? message : message.slice(0, i);
}
