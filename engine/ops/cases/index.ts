/**
 * All conformance case tables (one per op family).
 */
import type { OpCase } from "./types.js";
import { coreCases } from "./core.cases.js";

export const ALL_CASES: OpCase[] = [...coreCases];
