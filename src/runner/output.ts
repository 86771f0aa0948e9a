/**
 * Turns the program's writes into one output event per line, as a terminal shows them:
 * `print("a", {end: ""})` followed by `print("b")` is the single line `ab`.
 */
import type { OutputEvent } from "./events";

/** One output stream of the program (stdout or stderr). */
export interface LineWriter {
  /** Writes text; each completed line becomes one event. */
  write(text: string): void;
  /** Writes one whole line (the common, fast case: `print(x)`). */
  writeLine(line: string): void;
  /** Emits the unfinished last line, if any (at the end of the program). */
  flush(): void;
}

/**
 * A writer that emits `{type: stream, text}` events.
 * @example
 * const out = lineWriter("stdout", emit);
 * out.write("a\nb"); // emits "a"; "b" waits for its newline or flush()
 */
export function lineWriter(stream: OutputEvent["type"], emit: (event: OutputEvent) => void): LineWriter {
  let pending = "";
  const line = (text: string) => emit({ type: stream, text });
  return {
    write(text: string): void {
      let start = 0;
      for (let nl = text.indexOf("\n"); nl >= 0; nl = text.indexOf("\n", start)) {
        line(pending + text.slice(start, nl));
        pending = "";
        start = nl + 1;
      }
      pending += text.slice(start);
    },
    writeLine(text: string): void {
      if (pending === "" && text.indexOf("\n") < 0) line(text);
      else this.write(text + "\n");
    },
    flush(): void {
      if (pending !== "") {
        const text = pending;
        pending = "";
        line(text);
      }
    },
  };
}
