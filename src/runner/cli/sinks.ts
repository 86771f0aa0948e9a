/**
 * Buffered, ordered output for the CLI. A training loop prints 100,000 lines: writing each one
 * on its own costs a system call per line, and building one string per event for the whole
 * run would hold it all in memory. Writes are collected into chunks instead; switching from
 * stdout to stderr flushes first, so the two streams keep the order the program wrote them in.
 */
import { closeSync, openSync, writeSync } from "node:fs";

/** Flush a buffer once it holds this many characters. */
const CHUNK = 64 * 1024;

/** Somewhere text goes. */
export interface Sink {
  write(text: string): void;
  flush(): void;
}

/** A process stream (stdout/stderr); after EPIPE (the reader went away) writes are dropped. */
export function streamSink(stream: NodeJS.WriteStream): Sink {
  let closed = false;
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") closed = true;
    else throw error;
  });
  return chunked((chunk) => {
    if (!closed) stream.write(chunk);
  });
}

/** A file written synchronously (the trace): small memory, nothing lost if the process exits. */
export function fileSink(path: string): Sink & { close(): void } {
  const fd = openSync(path, "w");
  const sink = chunked((chunk) => {
    writeSync(fd, chunk);
  });
  return {
    ...sink,
    close(): void {
      sink.flush();
      closeSync(fd);
    },
  };
}

function chunked(out: (chunk: string) => void): Sink {
  let parts: string[] = [];
  let size = 0;
  let scheduled = false;
  const flush = (): void => {
    scheduled = false;
    if (size === 0) return;
    const chunk = parts.join("");
    parts = [];
    size = 0;
    out(chunk);
  };
  return {
    write(text: string): void {
      parts.push(text);
      size += text.length;
      if (size >= CHUNK) flush();
      else if (!scheduled) {
        // An async program may wait a long time between writes: do not sit on its output.
        scheduled = true;
        setImmediate(flush);
      }
    },
    flush,
  };
}

/**
 * stdout and stderr that share one order: writing to one flushes the other first.
 * @example
 * const out = orderedPair(streamSink(process.stdout), streamSink(process.stderr));
 * out.stdout.write("5\n");
 */
export function orderedPair(stdout: Sink, stderr: Sink): { stdout: Sink; stderr: Sink; flush(): void } {
  let last: Sink | null = null;
  const via = (sink: Sink): Sink => ({
    write(text: string): void {
      if (last !== null && last !== sink) last.flush();
      last = sink;
      sink.write(text);
    },
    flush: () => sink.flush(),
  });
  return {
    stdout: via(stdout),
    stderr: via(stderr),
    flush(): void {
      stdout.flush();
      stderr.flush();
    },
  };
}
