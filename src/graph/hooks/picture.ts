/**
 * What the pane draws for a structure and the learner's choices (collapsed scopes, series
 * pages, colour by device): the view, the learner's names, the scene and what layout places,
 * made in steps (model/slices.ts) so a 100,000-op graph never holds the page for long. The
 * parts that depend on the structure alone (names, constants' values) are kept per structure.
 */
import { buildLayoutGraph, type LayoutGraph } from "../layout/layoutGraph";
import { learnerNames } from "../model/learnerNames";
import { STEP, type Sliced } from "../model/slices";
import type { GraphStructure } from "../model/structure";
import { viewSteps, type CollapseOverrides, type GraphView, type SeriesShown } from "../model/view";
import { buildScene, constantValues, type ConstantTexts, type Scene } from "../render/scene";

export interface Picture {
  /** The structure the rest was made from (the pane shows all of them together). */
  structure: GraphStructure;
  view: GraphView;
  names: Map<string, string>;
  scene: Scene;
  graph: LayoutGraph;
}

const perStructure = new WeakMap<GraphStructure, { source: string; names: Map<string, string>; constants: ConstantTexts; devices: Map<string, string> | null }>();

export function* pictureSteps(structure: GraphStructure, overrides: CollapseOverrides, shown: SeriesShown, source: string, byDevice: boolean): Sliced<Picture> {
  const view = yield* viewSteps(structure, overrides, shown);
  let kept = perStructure.get(structure);
  if (kept === undefined || kept.source !== source) {
    yield;
    const names = learnerNames(structure, source);
    const constants = constantValues(structure);
    kept = { source, names, constants, devices: null };
    perStructure.set(structure, kept);
  }
  if (byDevice && kept.devices === null) {
    const devices = new Map<string, string>();
    for (let i = 0; i < structure.order.length; i++) {
      if ((i & STEP) === STEP) yield;
      const device = structure.ops.get(structure.order[i])!.node.device;
      if (device !== undefined) devices.set(structure.order[i], device);
    }
    kept.devices = devices;
  }
  yield;
  const scene = buildScene(view, kept.names, kept.constants, byDevice ? kept.devices : null);
  const graph = buildLayoutGraph(view, scene);
  return { structure, view, names: kept.names, scene, graph };
}
