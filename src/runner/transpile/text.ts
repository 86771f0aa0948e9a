/** Small helpers for editing the JavaScript text around AST nodes. */

const LINE_TERMINATOR = /[\n\r\u2028\u2029]/;
const HORIZONTAL_BLANK = /^[ \t]*$/;
const WHITESPACE = /\s/;

/**
 * Only the line breaks of `text`. Whatever we delete must leave its line breaks behind, or
 * every later statement would report the wrong line.
 */
export function keepBreaks(text: string): string {
  let breaks = "";
  for (const char of text) if (LINE_TERMINATOR.test(char)) breaks += char;
  return breaks;
}

/** True for plain spaces and tabs, which we may tidy away; comments and breaks we keep. */
export function isHorizontalBlank(text: string): boolean {
  return HORIZONTAL_BLANK.test(text);
}

/**
 * The offset of the first character at or after `from` that is neither whitespace nor inside
 * a comment. Between two operands there is nothing else but the operator (with
 * `preserveParens`, even parentheses belong to an operand), so this finds the operator.
 */
export function skipTrivia(code: string, from: number, to: number): number {
  let at = from;
  while (at < to) {
    const char = code[at];
    if (char === "/" && code[at + 1] === "/") {
      at += 2;
      while (at < to && !LINE_TERMINATOR.test(code[at])) at++;
    } else if (char === "/" && code[at + 1] === "*") {
      const close = code.indexOf("*/", at + 2);
      at = close < 0 ? to : close + 2;
    } else if (WHITESPACE.test(char)) {
      at++;
    } else {
      return at;
    }
  }
  return at;
}
