/**
 * Synchronous writes to a file descriptor, for the program's process. Each line is written
 * before the program's next statement runs: when the process dies (its heap exhausted, the time
 * limit's kill), everything printed before is already out. A reader that went away (EPIPE, e.g.
 * `| head`) stops the writes to that descriptor; a full non-blocking pipe (EAGAIN) is waited for.
 */
import { writeSync } from "node:fs";

/** Writes text to one descriptor. */
export interface FdWriter {
  write(text: string): void;
}

const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * @param fd an open descriptor (1: stdout, ...)
 * @example
 * fdWriter(1).write("5\n");
 */
export function fdWriter(fd: number): FdWriter {
  let closed = false;
  return {
    write(text: string): void {
      if (closed) return;
      const bytes = Buffer.from(text, "utf8");
      let offset = 0;
      while (offset < bytes.length) {
        try {
          offset += writeSync(fd, bytes, offset, bytes.length - offset);
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code;
          if (code === "EAGAIN") {
            Atomics.wait(pause, 0, 0, 1); // the reader is slow: wait a millisecond
            continue;
          }
          if (code !== "EPIPE") throw error;
          closed = true;
          return;
        }
      }
    },
  };
}
