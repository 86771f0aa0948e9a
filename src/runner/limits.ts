/**
 * The runner's resource limits. Lower than the engine's own defaults, which are sized for
 * Node: 500,000 ops take about 500 MB of heap, and a 64M-element float tensor 256 MB, too much
 * for a browser tab that also draws the graph.
 */
import type { EngineLimits } from "../../engine";

export const RUNNER_LIMITS: EngineLimits = {
  maxOps: 100_000,
  maxElements: 16 * 1024 * 1024,
};
