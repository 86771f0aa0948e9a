/**
 * The editor's TypeScript worker: Monaco's own, except that the learner's file is checked in
 * its operator-rewritten form (see operatorRewrite.ts), with every position mapped between the
 * text the learner sees and the text the checker sees. Diagnostics wait while the page's
 * program starts and runs (quietGate.ts).
 */
import { initialize, ts, TypeScriptWorker } from "monaco-editor/languages/features/typescript/ts.worker";
import { navigationTreeToOriginal, rewriteOperators, type NavigationItem, type PositionMap, type TsLike } from "./operatorRewrite";
import { isQuietMessage, QUIET_MAX_WAIT_MS, QuietGate, quietChannelName, WORKER_NAME_PREFIX } from "./quietGate";

// ts.worker re-exports the typescriptServices module; the `ts` namespace is its `typescript`.
const TS = (ts as { typescript: TsLike }).typescript;

/** Files that are the learner's (every model; extra libs live under node_modules). */
function isUserFile(fileName: string): boolean {
  return fileName.startsWith("file:///") && !fileName.startsWith("file:///node_modules/") && /\.tsx?$/.test(fileName);
}

interface Span {
  start: number;
  length: number;
}

type Loose = Record<string, unknown>;

/**
 * Background work (diagnostics, inlay hints, the light bulb's fixes, the outline) waits on this
 * while the page's program runs; what the learner asks for (completions, hovers) does not.
 */
const gate = new QuietGate(QUIET_MAX_WAIT_MS);
if (typeof BroadcastChannel === "function" && self.name.startsWith(WORKER_NAME_PREFIX)) {
  const channel = new BroadcastChannel(quietChannelName(self.name.slice(WORKER_NAME_PREFIX.length)));
  channel.onmessage = (e: MessageEvent) => {
    if (isQuietMessage(e.data)) gate.set(e.data.busy);
  };
}

class TfTypeScriptWorker extends TypeScriptWorker {
  private cache = new Map<string, { original: string; text: string; map: PositionMap }>();

  private rewritten(fileName: string): { original: string; text: string; map: PositionMap } | null {
    if (!isUserFile(fileName)) return null;
    const original = super._getScriptText(fileName);
    if (original === undefined) return null;
    const hit = this.cache.get(fileName);
    if (hit && hit.original === original) return hit;
    const r = rewriteOperators(TS, original);
    const entry = { original, text: r.text, map: r.map };
    this.cache.set(fileName, entry);
    return entry;
  }

  override _getScriptText(fileName: string): string | undefined {
    const r = this.rewritten(fileName);
    return r ? r.text : super._getScriptText(fileName);
  }

  private map(fileName: string): PositionMap | null {
    const r = this.rewritten(fileName);
    return r && !r.map.identity ? r.map : null;
  }

  private pos(fileName: string, position: number): number {
    return this.map(fileName)?.toRewritten(position) ?? position;
  }

  /** Maps a span back if it belongs to `fileName` (or to no file: then it is `fileName`'s). */
  private backSpan(fileName: string, span: Span | undefined, spanFile?: string): Span | undefined {
    const m = spanFile === undefined || spanFile === fileName ? this.map(fileName) : this.map(spanFile);
    if (!span || !m) return span;
    return m.spanToOriginal(span.start, span.length);
  }

  private diagnostics(fileName: string, list: unknown[]): unknown[] {
    if (!this.map(fileName)) return list;
    return (list as Loose[]).map((d) => {
      const out: Loose = { ...d };
      if (typeof d.start === "number" && typeof d.length === "number") Object.assign(out, this.backSpan(fileName, { start: d.start, length: d.length }));
      if (Array.isArray(d.relatedInformation)) {
        out.relatedInformation = (d.relatedInformation as Loose[]).map((r) =>
          typeof r.start === "number" && typeof r.length === "number" && (r.file as { fileName?: string } | undefined)?.fileName === undefined
            ? { ...r, ...this.backSpan(fileName, { start: r.start, length: r.length }) }
            : r,
        );
      }
      return out;
    });
  }

  /** Maps `textSpan`/`contextSpan` of entries that point into user files. */
  private spans<T>(fileName: string, entries: T): T {
    if (!Array.isArray(entries)) return entries;
    return entries.map((e: Loose) => {
      const file = typeof e.fileName === "string" ? e.fileName : fileName;
      const out: Loose = { ...e };
      if (e.textSpan) out.textSpan = this.backSpan(file, e.textSpan as Span, file);
      if (e.contextSpan) out.contextSpan = this.backSpan(file, e.contextSpan as Span, file);
      if (Array.isArray(e.highlightSpans)) out.highlightSpans = (e.highlightSpans as Loose[]).map((h) => ({ ...h, textSpan: this.backSpan(file, h.textSpan as Span, file) }));
      return out;
    }) as T;
  }

  override async getSyntacticDiagnostics(fileName: string) {
    await gate.wait();
    return this.diagnostics(fileName, await super.getSyntacticDiagnostics(fileName));
  }

  override async getSemanticDiagnostics(fileName: string) {
    await gate.wait();
    return this.diagnostics(fileName, await super.getSemanticDiagnostics(fileName));
  }

  override async getSuggestionDiagnostics(fileName: string) {
    await gate.wait();
    return this.diagnostics(fileName, await super.getSuggestionDiagnostics(fileName));
  }

  override async getCompletionsAtPosition(fileName: string, position: number) {
    const info = (await super.getCompletionsAtPosition(fileName, this.pos(fileName, position))) as Loose | undefined;
    if (!info || !this.map(fileName)) return info;
    const entries = (info.entries as Loose[]).filter((e) => !String(e.name).startsWith("__"));
    return {
      ...info,
      entries: entries.map((e) => (e.replacementSpan ? { ...e, replacementSpan: this.backSpan(fileName, e.replacementSpan as Span) } : e)),
      optionalReplacementSpan: this.backSpan(fileName, info.optionalReplacementSpan as Span | undefined),
    };
  }

  override async getCompletionEntryDetails(fileName: string, position: number, entry: string) {
    return super.getCompletionEntryDetails(fileName, this.pos(fileName, position), entry);
  }

  override async getSignatureHelpItems(fileName: string, position: number, options: unknown) {
    const help = (await super.getSignatureHelpItems(fileName, this.pos(fileName, position), options)) as Loose | undefined;
    if (!help || !this.map(fileName)) return help;
    // Inside `a * |` the innermost call is our helper: that is no help to the learner.
    const items = help.items as { prefixDisplayParts: { text: string }[] }[];
    if (items.some((i) => i.prefixDisplayParts.map((p) => p.text).join("").startsWith("__"))) return undefined;
    return { ...help, applicableSpan: this.backSpan(fileName, help.applicableSpan as Span) };
  }

  override async getQuickInfoAtPosition(fileName: string, position: number) {
    const info = (await super.getQuickInfoAtPosition(fileName, this.pos(fileName, position))) as Loose | undefined;
    if (!info || !this.map(fileName)) return info;
    return { ...info, textSpan: this.backSpan(fileName, info.textSpan as Span) };
  }

  override async getDocumentHighlights(fileName: string, position: number, filesToSearch: string[]) {
    return this.spans(fileName, await super.getDocumentHighlights(fileName, this.pos(fileName, position), filesToSearch));
  }

  override async getDefinitionAtPosition(fileName: string, position: number) {
    return this.spans(fileName, await super.getDefinitionAtPosition(fileName, this.pos(fileName, position)));
  }

  override async getReferencesAtPosition(fileName: string, position: number) {
    return this.spans(fileName, await super.getReferencesAtPosition(fileName, this.pos(fileName, position)));
  }

  override async findRenameLocations(fileName: string, position: number, a: boolean, b: boolean, c: boolean) {
    return this.spans(fileName, await super.findRenameLocations(fileName, this.pos(fileName, position), a, b, c));
  }

  override async getRenameInfo(fileName: string, position: number, options: unknown) {
    const info = (await super.getRenameInfo(fileName, this.pos(fileName, position), options)) as Loose | undefined;
    if (!info || !info.triggerSpan || !this.map(fileName)) return info;
    return { ...info, triggerSpan: this.backSpan(fileName, info.triggerSpan as Span) };
  }

  /** The outline (sticky scroll reads it), with its spans in the learner's text. */
  override async getNavigationTree(fileName: string) {
    await gate.wait();
    const tree = await super.getNavigationTree(fileName);
    const m = this.map(fileName);
    // Monaco's typings give the tree as `{}`; it is TypeScript's NavigationTree.
    return tree && m ? navigationTreeToOriginal(tree as NavigationItem, m) : tree;
  }

  // Edits computed on the rewritten text would damage the learner's: with operators in the
  // file, formatting, quick fixes and inlay hints are not offered.
  override async getFormattingEditsForDocument(fileName: string, options: unknown) {
    return this.map(fileName) ? [] : super.getFormattingEditsForDocument(fileName, options);
  }

  override async getFormattingEditsForRange(fileName: string, start: number, end: number, options: unknown) {
    return this.map(fileName) ? [] : super.getFormattingEditsForRange(fileName, start, end, options);
  }

  override async getFormattingEditsAfterKeystroke(fileName: string, position: number, ch: string, options: unknown) {
    return this.map(fileName) ? [] : super.getFormattingEditsAfterKeystroke(fileName, position, ch, options);
  }

  override async getCodeFixesAtPosition(fileName: string, start: number, end: number, codes: number[], options: unknown) {
    await gate.wait();
    return this.map(fileName) ? [] : super.getCodeFixesAtPosition(fileName, start, end, codes, options);
  }

  override async provideInlayHints(fileName: string, start: number, end: number) {
    await gate.wait();
    return this.map(fileName) ? [] : super.provideInlayHints(fileName, start, end);
  }
}

// ts.worker's own module body installed Monaco's plain worker; replace it with ours.
self.onmessage = () => {
  initialize((ctx, createData) => new TfTypeScriptWorker(ctx, createData));
};
