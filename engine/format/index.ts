/**
 * Printing as TF 1.x programs print: numpy arrays, Python values and `%`-formatting, and the text
 * of the `tf.Print` op.
 */
export {
  float32Repr,
  float64Repr,
  formatG,
  formatC,
  tfFloatToBuffer,
  tfDoubleToBuffer,
  dragon4Positional,
  dragon4Scientific,
  type FloatKind,
  type TrimMode,
  type CFloatConversion,
  type PositionalOptions,
  type ScientificOptions,
} from "./floats.js";
export { formatArrayStr, formatArrayRepr, bytesRepr } from "./numpy.js";
export { pyStr, pyRepr, pyPrintLine, pyNumberRepr, pyStringRepr, pyTypeName, pyPercentFormat } from "./python.js";
export { summarizeTensorTF1, formatTfPrintLine, cEscape } from "./tfprint.js";
