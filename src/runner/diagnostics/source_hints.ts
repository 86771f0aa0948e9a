/**
 * Reading the learner's source lines to phrase a fix in their own names. The engine knows ops
 * (`Placeholder`), only the source knows the variable (`input_placeholder`). Best effort: a
 * hint falls back to op names when a line does not look as expected.
 */

/** The learner's source, split into lines as the transpiler counts them. */
export class SourceLines {
  private readonly lines: string[];

  constructor(source: string) {
    this.lines = source.split(/\r\n?|\n|\u2028|\u2029/);
  }

  /** The text of 1-based line `n`, or null. */
  text(n: number | null): string | null {
    if (n === null || n < 1 || n > this.lines.length) return null;
    return this.lines[n - 1];
  }
}

/**
 * The name a line assigns the result of `tf.<api>(` to: `input_placeholder` in
 * `const input_placeholder = tf.placeholder(tf.int32);`, `this.x` in `this.x = tf.placeholder(...)`.
 */
export function assignedName(line: string | null, api: string): string | null {
  if (line === null) return null;
  const re = new RegExp(`(?:^|[\\s;,(])(?:(?:const|let|var)\\s+)?([A-Za-z_$][\\w$]*(?:\\.[A-Za-z_$][\\w$]*)*)\\s*(?::[^=]*?)?=\\s*tf\\s*\\.\\s*${api}\\s*\\(`);
  const m = re.exec(line);
  return m ? m[1] : null;
}

/** A `<receiver>.run(<args>)` call found on one line. */
export interface RunCall {
  /** The session expression, e.g. `sess`. */
  receiver: string;
  /** The argument texts, trimmed. */
  args: string[];
}

/**
 * The first `x.run(...)` call on a line, with its top-level arguments, or null when there is
 * none or it continues on another line.
 */
export function runCallOn(line: string | null): RunCall | null {
  if (line === null) return null;
  const m = /([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)\.run\s*\(/.exec(line);
  if (!m) return null;
  const args = topLevelArgs(line, m.index + m[0].length);
  return args === null ? null : { receiver: m[1], args };
}

/** Splits the arguments of a call whose `(` ends just before `start`; null if unbalanced. */
function topLevelArgs(line: string, start: number): string[] | null {
  const args: string[] = [];
  let depth = 0;
  let from = start;
  let quote: string | null = null;
  for (let i = start; i < line.length; i++) {
    const c = line[i];
    if (quote !== null) {
      if (c === "\\") i++;
      else if (c === quote) quote = null;
      continue;
    }
    if (c === '"' || c === "'" || c === "`") quote = c;
    else if (c === "(" || c === "[" || c === "{") depth++;
    else if (c === ")" || c === "]" || c === "}") {
      if (depth === 0) {
        const last = line.slice(from, i).trim();
        if (last !== "" || args.length > 0) args.push(last);
        return args;
      }
      depth--;
    } else if (c === "," && depth === 0) {
      args.push(line.slice(from, i).trim());
      from = i + 1;
    }
  }
  return null;
}
