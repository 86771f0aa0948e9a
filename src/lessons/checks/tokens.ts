/**
 * Splits one check line into tokens: words, numbers, `node names`, "strings", /regexes/ and a
 * few symbols. Each token keeps its column so that errors can point at it.
 */

export type Token =
  | { type: "word"; text: string; col: number }
  | { type: "number"; value: number; text: string; col: number }
  /** A backtick span: a node or tensor name (or literal text where text is expected). */
  | { type: "name"; text: string; col: number }
  /** A double-quoted string with JSON escapes. */
  | { type: "string"; text: string; col: number }
  | { type: "regex"; source: string; flags: string; text: string; col: number }
  | { type: "symbol"; text: string; col: number };

/** A malformed check line, with the 1-based column of the problem. */
export class CheckSyntaxError extends Error {
  constructor(
    message: string,
    readonly col: number,
  ) {
    super(message);
    this.name = "CheckSyntaxError";
  }
}

const WORD = /[A-Za-z_][A-Za-z0-9_-]*/y;
const NUMBER = /-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/y;
const SYMBOLS = ["+-", "±", "≈", "~", "=", "[", "]", ",", "#"];

/**
 * Tokenizes a check line.
 * @throws CheckSyntaxError on an unclosed quote or a character no check uses
 */
export function tokenize(line: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < line.length) {
    const c = line[i];
    const col = i + 1;
    if (c === " " || c === "\t") {
      i++;
      continue;
    }
    if (c === "`") {
      const end = line.indexOf("`", i + 1);
      if (end < 0) throw new CheckSyntaxError("this `name` has no closing backtick", col);
      tokens.push({ type: "name", text: line.slice(i + 1, end), col });
      i = end + 1;
      continue;
    }
    if (c === '"') {
      const end = closingQuote(line, i);
      if (end < 0) throw new CheckSyntaxError('this "string" has no closing quote', col);
      const raw = line.slice(i, end + 1);
      let text: string;
      try {
        text = JSON.parse(raw) as string;
      } catch {
        throw new CheckSyntaxError(`${raw} is not a valid string (use \\" for a quote and \\n for a new line)`, col);
      }
      tokens.push({ type: "string", text, col });
      i = end + 1;
      continue;
    }
    if (c === "/") {
      const token = regexAt(line, i);
      tokens.push(token);
      i += token.text.length;
      continue;
    }
    NUMBER.lastIndex = i;
    const number = NUMBER.exec(line);
    // `-` alone (or before a word) is not a number; `+-` is a symbol handled below.
    if (number && (c !== "-" || /[\d.]/.test(line[i + 1] ?? ""))) {
      tokens.push({ type: "number", value: Number(number[0]), text: number[0], col });
      i += number[0].length;
      continue;
    }
    WORD.lastIndex = i;
    const word = WORD.exec(line);
    if (word) {
      tokens.push({ type: "word", text: word[0], col });
      i += word[0].length;
      continue;
    }
    const symbol = SYMBOLS.find((s) => line.startsWith(s, i));
    if (symbol) {
      tokens.push({ type: "symbol", text: symbol, col });
      i += symbol.length;
      continue;
    }
    throw new CheckSyntaxError(`unexpected "${c}" (node names go in backticks, texts in "double quotes")`, col);
  }
  return tokens;
}

function closingQuote(line: string, start: number): number {
  for (let i = start + 1; i < line.length; i++) {
    if (line[i] === "\\") i++;
    else if (line[i] === '"') return i;
  }
  return -1;
}

function regexAt(line: string, start: number): Token {
  let i = start + 1;
  let inClass = false;
  for (; i < line.length; i++) {
    const c = line[i];
    if (c === "\\") i++;
    else if (c === "[") inClass = true;
    else if (c === "]") inClass = false;
    else if (c === "/" && !inClass) break;
  }
  if (i >= line.length) throw new CheckSyntaxError("this /regex/ has no closing slash", start + 1);
  const source = line.slice(start + 1, i);
  const flags = /^[a-z]*/.exec(line.slice(i + 1))![0];
  try {
    new RegExp(source, flags);
  } catch (error) {
    throw new CheckSyntaxError(`/${source}/${flags} is not a valid regular expression: ${(error as Error).message}`, start + 1);
  }
  return { type: "regex", source, flags, text: line.slice(start, i + 1 + flags.length), col: start + 1 };
}
