/**
 * The only two free identifiers the transpiled code refers to. The runner passes objects under
 * these names as parameters of the function that wraps the learner's program.
 */

/** Object holding the operator helpers (`__py.add`, `__py.float`, `__py.aug`, ...). */
export const RUNTIME_NAME = "__py";

/** Object whose `l` property the instrumented code sets to the learner's current line. */
export const LINE_NAME = "__ln";
