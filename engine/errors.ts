/**
 * Python's and TensorFlow's error classes, with the fields the playground shows:
 * the failing op, the path from a fetch down to it, and the learner's source line.
 */

/** Where an error happened in the graph, for the UI's red path. */
export interface ErrorSite {
  /** Name of the failing op, if any. */
  op?: string;
  /** Op names from a fetch down to the failing op. */
  path?: string[];
  /** Source line that created the failing op. */
  line?: number | null;
}

function initPyError(e: Error, name: string, message: string): void {
  // Python errors print as `Name: message`; JS subclasses would otherwise inherit the base name.
  Object.defineProperty(e, "name", { value: name, writable: true, configurable: true, enumerable: false });
  e.message = message;
}

/** Python's ValueError: an argument has the right type but an unacceptable value. */
export class ValueError extends Error {
  op?: string;
  path?: string[];
  line?: number | null;
  constructor(message: string, site: ErrorSite = {}) {
    super(message);
    initPyError(this, "ValueError", message);
    Object.assign(this, site);
  }
}

/** Python's TypeError (also a JavaScript TypeError, so `instanceof TypeError` holds). */
export class PyTypeError extends TypeError {
  op?: string;
  path?: string[];
  line?: number | null;
  constructor(message: string, site: ErrorSite = {}) {
    super(message);
    initPyError(this, "TypeError", message);
    Object.assign(this, site);
  }
}

/** Python's RuntimeError, e.g. `Attempted to use a closed Session.` */
export class RuntimeError extends Error {
  op?: string;
  path?: string[];
  constructor(message: string) {
    super(message);
    initPyError(this, "RuntimeError", message);
  }
}

/** Python's NotImplementedError. */
export class NotImplementedError extends Error {
  constructor(message: string) {
    super(message);
    initPyError(this, "NotImplementedError", message);
  }
}

/** Python's IndexError. */
export class IndexError extends Error {
  constructor(message: string) {
    super(message);
    initPyError(this, "IndexError", message);
  }
}

/** Python's AttributeError, e.g. `'Tensor' object has no attribute 'assign'`. */
export class AttributeError extends Error {
  constructor(message: string) {
    super(message);
    initPyError(this, "AttributeError", message);
  }
}

/** Python's OverflowError, e.g. `Python int too large to convert to C long`. */
export class OverflowError extends Error {
  constructor(message: string) {
    super(message);
    initPyError(this, "OverflowError", message);
  }
}

/** Python's UnicodeDecodeError (a ValueError), e.g. decoding non-ASCII bytes as ASCII. */
export class UnicodeDecodeError extends ValueError {
  constructor(message: string) {
    super(message);
    initPyError(this, "UnicodeDecodeError", message);
  }
}

/** Python's LookupError: raised for ops with no registered gradient. */
export class LookupError extends Error {
  constructor(message: string) {
    super(message);
    initPyError(this, "LookupError", message);
  }
}

/** Python's KeyError. */
export class KeyError extends Error {
  constructor(message: string) {
    super(message);
    initPyError(this, "KeyError", message);
  }
}

/** TF's canonical error codes (`tf.errors.*` constants). */
export const ErrorCodes = {
  OK: 0,
  CANCELLED: 1,
  UNKNOWN: 2,
  INVALID_ARGUMENT: 3,
  DEADLINE_EXCEEDED: 4,
  NOT_FOUND: 5,
  ALREADY_EXISTS: 6,
  PERMISSION_DENIED: 7,
  RESOURCE_EXHAUSTED: 8,
  FAILED_PRECONDITION: 9,
  ABORTED: 10,
  OUT_OF_RANGE: 11,
  UNIMPLEMENTED: 12,
  INTERNAL: 13,
  UNAVAILABLE: 14,
  DATA_LOSS: 15,
  UNAUTHENTICATED: 16,
} as const;

/**
 * The base of TF's run-time errors (`tf.errors.OpError`).
 * @example
 * try { sess.run(x); } catch (e) { if (e instanceof tf.errors.InvalidArgumentError) print(e.op); }
 */
export class OpError extends Error {
  /** Name of the op that failed (TF's `e.op.name`), or null. */
  op: string | null;
  /** Op names from the fetch down to the failing op. */
  path: string[];
  /** Source line that created the failing op. */
  line: number | null;
  /** TF's canonical error code. */
  readonly error_code: number;
  /** The message without TF's trailing `[[node ...]]` line. */
  readonly summary: string;

  constructor(message: string, op: string | null = null, errorCode: number = ErrorCodes.UNKNOWN, site: { path?: string[]; line?: number | null } = {}) {
    super(message);
    initPyError(this, "OpError", message);
    this.summary = message;
    this.op = op;
    this.error_code = errorCode;
    this.path = site.path ?? (op ? [op] : []);
    this.line = site.line ?? null;
  }
}

function opErrorClass(name: string, code: number) {
  const cls = class extends OpError {
    constructor(message: string, op: string | null = null, site: { path?: string[]; line?: number | null } = {}) {
      super(message, op, code, site);
      initPyError(this, name, message);
    }
  };
  Object.defineProperty(cls, "name", { value: name });
  return cls;
}

export const CancelledError = opErrorClass("CancelledError", ErrorCodes.CANCELLED);
export const UnknownError = opErrorClass("UnknownError", ErrorCodes.UNKNOWN);
export const InvalidArgumentError = opErrorClass("InvalidArgumentError", ErrorCodes.INVALID_ARGUMENT);
export const DeadlineExceededError = opErrorClass("DeadlineExceededError", ErrorCodes.DEADLINE_EXCEEDED);
export const NotFoundError = opErrorClass("NotFoundError", ErrorCodes.NOT_FOUND);
export const AlreadyExistsError = opErrorClass("AlreadyExistsError", ErrorCodes.ALREADY_EXISTS);
export const PermissionDeniedError = opErrorClass("PermissionDeniedError", ErrorCodes.PERMISSION_DENIED);
export const UnauthenticatedError = opErrorClass("UnauthenticatedError", ErrorCodes.UNAUTHENTICATED);
export const ResourceExhaustedError = opErrorClass("ResourceExhaustedError", ErrorCodes.RESOURCE_EXHAUSTED);
export const FailedPreconditionError = opErrorClass("FailedPreconditionError", ErrorCodes.FAILED_PRECONDITION);
export const AbortedError = opErrorClass("AbortedError", ErrorCodes.ABORTED);
export const OutOfRangeError = opErrorClass("OutOfRangeError", ErrorCodes.OUT_OF_RANGE);
export const UnimplementedError = opErrorClass("UnimplementedError", ErrorCodes.UNIMPLEMENTED);
export const InternalError = opErrorClass("InternalError", ErrorCodes.INTERNAL);
export const UnavailableError = opErrorClass("UnavailableError", ErrorCodes.UNAVAILABLE);
export const DataLossError = opErrorClass("DataLossError", ErrorCodes.DATA_LOSS);

/** The `tf.errors` namespace. */
export const errorsNamespace = {
  OpError,
  CancelledError,
  UnknownError,
  InvalidArgumentError,
  DeadlineExceededError,
  NotFoundError,
  AlreadyExistsError,
  PermissionDeniedError,
  UnauthenticatedError,
  ResourceExhaustedError,
  FailedPreconditionError,
  AbortedError,
  OutOfRangeError,
  UnimplementedError,
  InternalError,
  UnavailableError,
  DataLossError,
  ...ErrorCodes,
};
