/**
 * Just enough of a parser to rewrite the learner's `sess.run(...)` call with one more feed:
 * the explanation card shows the exact line to write, in the learner's own words.
 */

export interface RunCall {
  /** The session expression before `.run(` (usually `sess`). */
  session: string;
  /** Argument texts, trimmed. */
  args: string[];
  /** The call as written, `sess.run(...)`. */
  text: string;
}

const CALL = /([A-Za-z_$][\w$]*)\s*\.\s*run\s*\(/g;

/** The first `x.run(...)` call on a line, or null when there is none (or it spans lines). */
export function parseRunCall(line: string): RunCall | null {
  CALL.lastIndex = 0;
  const m = CALL.exec(line);
  if (m === null) return null;
  const open = m.index + m[0].length - 1;
  const parts = splitTopLevel(line, open + 1, ")");
  if (parts === null) return null;
  const args = parts.items.map((a) => a.trim()).filter((a, i, all) => a.length > 0 || i < all.length - 1);
  return { session: m[1], args, text: line.slice(m.index, parts.end + 1) };
}

/**
 * Splits `text` from `start` at top-level commas until the `close` bracket that ends the list.
 * Returns the items and the index of that bracket, or null when the list does not end.
 */
function splitTopLevel(text: string, start: number, close: string): { items: string[]; end: number } | null {
  const items: string[] = [];
  let depth = 0;
  let from = start;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (c === '"' || c === "'" || c === "`") {
      i = skipString(text, i);
      continue;
    }
    if (c === "(" || c === "[" || c === "{") depth++;
    else if (c === ")" || c === "]" || c === "}") {
      if (depth === 0) {
        if (c !== close) return null;
        items.push(text.slice(from, i));
        return { items, end: i };
      }
      depth--;
    } else if (c === "," && depth === 0) {
      items.push(text.slice(from, i));
      from = i + 1;
    }
  }
  return null;
}

function skipString(text: string, i: number): number {
  const q = text[i];
  for (let j = i + 1; j < text.length; j++) {
    if (text[j] === "\\") j++;
    else if (text[j] === q) return j;
  }
  return text.length;
}

/** `{a: 1}` + `[x]: 2` → `{a: 1, [x]: 2}`. */
function addEntry(objectText: string, entry: string): string {
  const inner = objectText.slice(1, -1).trim().replace(/,$/, "");
  return inner.length === 0 ? `{${entry}}` : `{${inner}, ${entry}}`;
}

/** The value of `feed_dict:` inside an options object, with its position, or null. */
function feedDictValue(options: string): { start: number; end: number } | null {
  const parts = splitTopLevel(options, 1, "}");
  if (parts === null) return null;
  let offset = 1;
  for (const item of parts.items) {
    const m = /^(\s*["']?feed_dict["']?\s*:\s*)/.exec(item);
    if (m !== null) return { start: offset + m[1].length, end: offset + item.trimEnd().length };
    offset += item.length + 1;
  }
  return null;
}

/**
 * The call with one more feed. `feed_dict: {...}` gets the entry; a bare feed object
 * (`sess.run(y, {[x]: 3})`, the dialect's shorthand) gets it too; otherwise a feed_dict is added.
 */
export function callWithFeed(call: RunCall, entry: string): string {
  const [fetch, options, ...rest] = call.args;
  const tail = rest.length > 0 ? `, ${rest.join(", ")}` : "";
  const fresh = `${call.session}.run(${fetch}, {feed_dict: {${entry}}}${tail})`;
  if (options === undefined) return fresh;
  if (!options.startsWith("{") || !options.endsWith("}")) return `${call.session}.run(${fetch}, {feed_dict: {...${options}, ${entry}}}${tail})`;
  const fd = feedDictValue(options);
  if (fd === null) return `${call.session}.run(${fetch}, ${addEntry(options, entry)}${tail})`;
  const value = options.slice(fd.start, fd.end);
  const replaced = value.startsWith("{") && value.endsWith("}") ? addEntry(value, entry) : `{...${value}, ${entry}}`;
  return `${call.session}.run(${fetch}, ${options.slice(0, fd.start)}${replaced}${options.slice(fd.end)}${tail})`;
}
