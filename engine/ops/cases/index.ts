/**
 * All conformance case tables (one per op family).
 */
import type { OpCase } from "./types.js";
import { coreCases } from "./core.cases.js";
import { trainingCases } from "./training.cases.js";
import { mathCases } from "./math.cases.js";
import { arrayCases } from "./array.cases.js";
import { nnCases } from "./nn.cases.js";
import { convCases } from "./conv.cases.js";
import { randomCases } from "./random.cases.js";
import { selectionCases } from "./selection.cases.js";
import { reorderCases } from "./reorder.cases.js";
import { controlCases } from "./control.cases.js";
import { ioCases } from "./io.cases.js";
import { dataCases, queueCases } from "./data.cases.js";
import { sparseCases } from "./sparse.cases.js";

export const ALL_CASES: OpCase[] = [...coreCases, ...mathCases, ...arrayCases, ...nnCases, ...convCases, ...randomCases, ...trainingCases, ...selectionCases, ...reorderCases, ...controlCases, ...ioCases, ...dataCases, ...queueCases, ...sparseCases];
