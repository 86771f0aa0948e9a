/**
 * The Markdown that lessons use, parsed into plain blocks that React renders as elements (never
 * as HTML strings, so a lesson file from anywhere cannot inject markup). It covers what lesson
 * prose needs: paragraphs, headings, lists, code blocks, `code`, **strong**, *emphasis*,
 * [links](https://...) and [[node:NAME]] references to the learner's graph.
 */

export type Inline =
  | { type: "text"; text: string }
  | { type: "code"; text: string }
  | { type: "strong"; children: Inline[] }
  | { type: "em"; children: Inline[] }
  | { type: "link"; href: string; children: Inline[] }
  /** A node of the learner's graph: hovering it highlights the node. */
  | { type: "node"; name: string; label: string };

export type Block =
  | { type: "heading"; level: number; children: Inline[] }
  | { type: "paragraph"; children: Inline[] }
  | { type: "code"; lang: string; text: string }
  | { type: "list"; ordered: boolean; start: number; items: Inline[][] }
  | { type: "quote"; children: Inline[] };

const FENCE = /^ {0,3}(`{3,}|~{3,})\s*([\w-]*)/;
const HEADING = /^(#{1,6})\s+/;
const BULLET = /^\s{0,3}[-*+]\s+(.*)$/;
const NUMBERED = /^\s{0,3}(\d{1,9})[.)]\s+(.*)$/;
const QUOTE = /^\s{0,3}>\s?(.*)$/;

/** A closing fence: the same character, at least as many times, and nothing else. */
function closesFence(line: string, marker: string): boolean {
  const t = line.trim();
  return t.length >= marker.length && t === marker[0].repeat(t.length);
}

/** Parses lesson Markdown into blocks. */
export function parseMarkdown(source: string): Block[] {
  const lines = source.replace(/\r\n?/g, "\n").split("\n");
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (line.trim() === "") {
      i++;
      continue;
    }
    const fence = FENCE.exec(line);
    if (fence) {
      const marker = fence[1];
      const body: string[] = [];
      i++;
      while (i < lines.length && !closesFence(lines[i], marker)) body.push(lines[i++]);
      i++;
      blocks.push({ type: "code", lang: fence[2], text: body.join("\n") });
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      blocks.push({ type: "heading", level: heading[1].length, children: parseInline(headingText(line.slice(heading[0].length))) });
      i++;
      continue;
    }
    if (BULLET.test(line) || NUMBERED.test(line)) {
      const ordered = !BULLET.test(line);
      const start = ordered ? Number(NUMBERED.exec(line)![1]) : 1;
      const items: string[] = [];
      while (i < lines.length && lines[i].trim() !== "") {
        const m = ordered ? NUMBERED.exec(lines[i]) : BULLET.exec(lines[i]);
        if (m) items.push(ordered ? m[2] : m[1]);
        else if (items.length > 0) items[items.length - 1] += ` ${lines[i].trim()}`; // a wrapped item
        i++;
        // A blank line followed by another item continues the list.
        if (i + 1 < lines.length && lines[i]?.trim() === "" && (ordered ? NUMBERED : BULLET).test(lines[i + 1])) i++;
      }
      blocks.push({ type: "list", ordered, start, items: items.map(parseInline) });
      continue;
    }
    if (QUOTE.test(line)) {
      const text: string[] = [];
      while (i < lines.length && QUOTE.test(lines[i])) text.push(QUOTE.exec(lines[i++])![1]);
      blocks.push({ type: "quote", children: parseInline(text.join(" ")) });
      continue;
    }
    const text: string[] = [];
    while (i < lines.length && lines[i].trim() !== "" && !FENCE.test(lines[i]) && !HEADING.test(lines[i]) && !BULLET.test(lines[i]) && !NUMBERED.test(lines[i])) {
      text.push(lines[i++].trim());
    }
    blocks.push({ type: "paragraph", children: parseInline(text.join(" ")) });
  }
  return blocks;
}

/** A heading's text without its optional closing `#`s (`## Title ##`). */
function headingText(rest: string): string {
  const t = rest.trimEnd();
  let j = t.length;
  while (j > 0 && t[j - 1] === "#") j--;
  return j < t.length && (j === 0 || /\s/.test(t[j - 1])) ? t.slice(0, j).trimEnd() : t;
}

/** Only web links are followed; anything else (javascript:, data:) stays plain text. */
function safeHref(href: string): boolean {
  return /^(https?:\/\/|#|mailto:)/i.test(href);
}

/**
 * `text.indexOf(needle, from)` with memory: once a search from `from` found its needle at `at`
 * (or found none), any later search from a position in between has the same answer. Prose full
 * of unmatched markers (`[` without `]`, a lone backtick) would otherwise scan to the end of the
 * text once per marker, which is quadratic in the text's length.
 */
function finder(text: string): (needle: string, from: number) => number {
  const memo = new Map<string, { from: number; at: number }>();
  return (needle, from) => {
    const m = memo.get(needle);
    if (m !== undefined && m.from <= from && (m.at < 0 || m.at >= from)) return m.at;
    const at = text.indexOf(needle, from);
    memo.set(needle, { from, at });
    return at;
  };
}

/** Emphasis, strong and links nest this deep at most; deeper markers stay as text. */
const MAX_NESTING = 8;

/** Parses inline Markdown. Unmatched markers stay as text. Linear in the text's length. */
export function parseInline(text: string, depth = 0): Inline[] {
  const out: Inline[] = [];
  const find = finder(text);
  const nested = depth < MAX_NESTING;
  // Plain text is kept as slices of `text`, not built a character at a time: a string grown by
  // `+=` is a chain of one object per character, which the garbage collector copies again and
  // again while it grows (quadratic time for a long paragraph).
  let pieces: string[] = [];
  let runStart = 0;
  const cut = (at: number) => {
    if (at > runStart) pieces.push(text.slice(runStart, at));
  };
  /** Ends the plain text before `at`; the next plain text starts at `next`. */
  const flush = (at: number, next: number) => {
    cut(at);
    if (pieces.length > 0) out.push({ type: "text", text: pieces.join("") });
    pieces = [];
    runStart = next;
  };
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === "\\" && i + 1 < text.length && /[\\`*_[\]()#!|-]/.test(text[i + 1])) {
      cut(i);
      pieces.push(text[i + 1]);
      i += 2;
      runStart = i;
      continue;
    }
    if (c === "[" && text.startsWith("[[node:", i)) {
      const end = find("]]", i);
      if (end > 0) {
        const [name, label] = text.slice(i + 7, end).split("|");
        flush(i, end + 2);
        out.push({ type: "node", name: name.trim(), label: (label ?? name).trim() });
        i = end + 2;
        continue;
      }
    }
    if (c === "`") {
      // A run of n backticks closes with the same run (``a `b` c``).
      let n = 1;
      while (text[i + n] === "`") n++;
      const end = find("`".repeat(n), i + n);
      if (end > 0) {
        let code = text.slice(i + n, end);
        if (n > 1 && code.startsWith(" ") && code.endsWith(" ")) code = code.slice(1, -1);
        flush(i, end + n);
        out.push({ type: "code", text: code });
        i = end + n;
        continue;
      }
      // Unmatched: the backticks stay in the plain text.
      i += n;
      continue;
    }
    if (nested && (c === "*" || c === "_") && text[i + 1] === c) {
      const end = find(c + c, i + 2);
      if (end > i + 2) {
        flush(i, end + 2);
        out.push({ type: "strong", children: parseInline(text.slice(i + 2, end), depth + 1) });
        i = end + 2;
        continue;
      }
    }
    if (nested && (c === "*" || c === "_") && text[i + 1] !== " " && text[i + 1] !== undefined) {
      // `_` inside a word (snake_case) is not emphasis.
      const wordBefore = c === "_" && i > 0 && /\w/.test(text[i - 1]);
      const end = find(c, i + 1);
      if (!wordBefore && end > i + 1 && text[end - 1] !== " " && !(c === "_" && /\w/.test(text[end + 1] ?? ""))) {
        flush(i, end + 1);
        out.push({ type: "em", children: parseInline(text.slice(i + 1, end), depth + 1) });
        i = end + 1;
        continue;
      }
    }
    if (nested && c === "[") {
      // [text](href): the text has no `]`, the href runs to the first `)` and has no whitespace.
      const close = find("]", i + 1);
      if (close > 0 && text[close + 1] === "(") {
        const paren = find(")", close + 2);
        const href = paren < 0 ? "" : text.slice(close + 2, paren);
        if (paren > 0 && !/\s/.test(href)) {
          flush(i, paren + 1);
          const label = text.slice(i + 1, close);
          if (safeHref(href)) out.push({ type: "link", href, children: parseInline(label, depth + 1) });
          else out.push(...parseInline(label, depth + 1));
          i = paren + 1;
          continue;
        }
      }
    }
    i++;
  }
  flush(text.length, text.length);
  return out;
}

/** Every node name the Markdown refers to with [[node:NAME]]. */
export function nodeRefs(source: string): string[] {
  return [...source.matchAll(/\[\[node:([^\]|]+)(?:\|[^\]]*)?\]\]/g)].map((m) => m[1].trim());
}
