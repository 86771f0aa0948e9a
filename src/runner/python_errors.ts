/**
 * Python's built-in exception names that the engine has no class for, raised by the runner's
 * Python conveniences and used when it reports a JavaScript failure in Python's words.
 */

/** An error whose `name` is a Python exception class, so it prints as `Name: message`. */
export class PythonError extends Error {
  constructor(name: string, message: string) {
    super(message);
    // Set on the instance: subclasses would otherwise all report the base class's name.
    Object.defineProperty(this, "name", { value: name, writable: true, configurable: true, enumerable: false });
  }
}

/** Python's OverflowError, e.g. `cannot convert float infinity to integer`. */
export function overflowError(message: string): PythonError {
  return new PythonError("OverflowError", message);
}

/** Python's MemoryError: a value too large to make. */
export function memoryError(message: string): PythonError {
  return new PythonError("MemoryError", message);
}
