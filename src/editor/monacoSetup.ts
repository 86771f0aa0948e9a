/**
 * Monaco, set up in one place (as the TypeScript Playground's sandbox does): the workers, the
 * TypeScript settings, the engine's declarations and the learner's globals, and every ignored
 * diagnostic with its reason (compilerOptions.ts). Bundled locally: no CDN.
 */
import * as monaco from "monaco-editor";
import EditorWorker from "monaco-editor/editor/editor.worker?worker";
import engineTypes from "virtual:tf-engine-types";
import { EDITOR_COMPILER_OPTIONS, IGNORED_DIAGNOSTICS } from "./compilerOptions";
import { AUGMENT_DTS, GLOBALS_DTS } from "./globalsDts";
import { typeScriptWorker } from "./tsWorkerStart";

export const MODEL_URI = "file:///main.ts";
export type Monaco = typeof monaco;

let done = false;

export function setupMonaco(): Monaco {
  if (done) return monaco;
  done = true;
  // Keep getWorker: without it the editor worker fails to load in production builds.
  self.MonacoEnvironment = {
    getWorker(_id: string, label: string) {
      // A promise of a worker (Monaco queues its requests): see tsWorkerStart.ts for when.
      if (label === "typescript" || label === "javascript") return typeScriptWorker();
      return new EditorWorker();
    },
  };
  const ts = monaco.typescript.typescriptDefaults;
  ts.setCompilerOptions(EDITOR_COMPILER_OPTIONS as unknown as Parameters<typeof ts.setCompilerOptions>[0]);
  ts.setDiagnosticsOptions({ noSemanticValidation: false, noSyntaxValidation: false, diagnosticCodesToIgnore: IGNORED_DIAGNOSTICS });
  ts.setEagerModelSync(true);
  const libs = Object.entries(engineTypes).map(([filePath, content]) => ({ filePath, content }));
  libs.push({ filePath: "file:///node_modules/tf-engine/globals.d.ts", content: GLOBALS_DTS });
  libs.push({ filePath: "file:///node_modules/tf-engine/augment.d.ts", content: AUGMENT_DTS });
  ts.setExtraLibs(libs);
  return monaco;
}
