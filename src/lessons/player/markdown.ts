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
const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
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
      blocks.push({ type: "heading", level: heading[1].length, children: parseInline(heading[2]) });
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

/** Only web links are followed; anything else (javascript:, data:) stays plain text. */
function safeHref(href: string): boolean {
  return /^(https?:\/\/|#|mailto:)/i.test(href);
}

/** Parses inline Markdown. Unmatched markers stay as text. */
export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  let plain = "";
  const flush = () => {
    if (plain !== "") out.push({ type: "text", text: plain });
    plain = "";
  };
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === "\\" && i + 1 < text.length && /[\\`*_[\]()#!|-]/.test(text[i + 1])) {
      plain += text[i + 1];
      i += 2;
      continue;
    }
    if (text.startsWith("[[node:", i)) {
      const end = text.indexOf("]]", i);
      if (end > 0) {
        const [name, label] = text.slice(i + 7, end).split("|");
        flush();
        out.push({ type: "node", name: name.trim(), label: (label ?? name).trim() });
        i = end + 2;
        continue;
      }
    }
    if (c === "`") {
      // A run of n backticks closes with the same run (``a `b` c``).
      let n = 1;
      while (text[i + n] === "`") n++;
      const ticks = "`".repeat(n);
      const end = text.indexOf(ticks, i + n);
      if (end > 0) {
        flush();
        let code = text.slice(i + n, end);
        if (n > 1 && code.startsWith(" ") && code.endsWith(" ")) code = code.slice(1, -1);
        out.push({ type: "code", text: code });
        i = end + n;
        continue;
      }
      plain += ticks;
      i += n;
      continue;
    }
    if ((c === "*" || c === "_") && text[i + 1] === c) {
      const end = text.indexOf(c + c, i + 2);
      if (end > i + 2) {
        flush();
        out.push({ type: "strong", children: parseInline(text.slice(i + 2, end)) });
        i = end + 2;
        continue;
      }
    }
    if ((c === "*" || c === "_") && text[i + 1] !== " " && text[i + 1] !== undefined) {
      // `_` inside a word (snake_case) is not emphasis.
      const wordBefore = c === "_" && i > 0 && /\w/.test(text[i - 1]);
      const end = text.indexOf(c, i + 1);
      if (!wordBefore && end > i + 1 && text[end - 1] !== " " && !(c === "_" && /\w/.test(text[end + 1] ?? ""))) {
        flush();
        out.push({ type: "em", children: parseInline(text.slice(i + 1, end)) });
        i = end + 1;
        continue;
      }
    }
    if (c === "[") {
      const m = /^\[([^\]]*)\]\(([^)\s]*)\)/.exec(text.slice(i));
      if (m) {
        flush();
        if (safeHref(m[2])) out.push({ type: "link", href: m[2], children: parseInline(m[1]) });
        else out.push(...parseInline(m[1]));
        i += m[0].length;
        continue;
      }
    }
    plain += c;
    i++;
  }
  flush();
  return out;
}

/** Every node name the Markdown refers to with [[node:NAME]]. */
export function nodeRefs(source: string): string[] {
  return [...source.matchAll(/\[\[node:([^\]|]+)(?:\|[^\]]*)?\]\]/g)].map((m) => m[1].trim());
}
