/**
 * Python's printing for the values a learner's program handles: `str()`, `repr()`, `print`'s
 * line (repr.ts), `%`-formatting (percent.ts) and type names (pytypes.ts), in one module.
 */
export { pyNumberRepr, pyPrintLine, pyRepr, pyStr, pyStringRepr } from "./repr.js";
export { pyPercentFormat } from "./percent.js";
export { pyTypeName } from "./pytypes.js";
