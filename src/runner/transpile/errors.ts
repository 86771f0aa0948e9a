import { getLineInfo } from "acorn";

/**
 * A syntax error in the learner's program, positioned in the learner's own coordinates
 * (1-based line and column, as the editor counts them).
 */
export class UserSyntaxError extends Error {
  override readonly name = "SyntaxError" as const;

  /**
   * @param reason what is wrong, without a position (e.g. `Unexpected token`)
   * @param line 1-based line in the learner's source
   * @param column 1-based column in the learner's source
   */
  constructor(
    reason: string,
    readonly line: number,
    readonly column: number,
    options?: { cause?: unknown },
  ) {
    super(`${reason} (${line}:${column})`, options);
  }
}

/** The parsers append their own `(line:column)`; we append ours, so drop theirs. */
export function withoutPosition(message: string): string {
  return message.replace(/ \(\d+:\d+\)$/, "");
}

/** A 0-based offset in `text`, as the learner's line and 1-based column. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  // acorn's own counting, so that these lines agree with the lines acorn gives the instrumentation.
  const { line, column } = getLineInfo(text, offset);
  return { line, column: column + 1 };
}

/** The shape of the errors sucrase's parser and acorn throw: a SyntaxError carrying an offset. */
export interface PositionedSyntaxError extends SyntaxError {
  pos: number;
}

export function isPositionedSyntaxError(error: unknown): error is PositionedSyntaxError {
  return error instanceof SyntaxError && typeof (error as Partial<PositionedSyntaxError>).pos === "number";
}
