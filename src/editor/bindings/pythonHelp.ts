/**
 * Completions and hover docs for `tf.` in Python, from the same source as TypeScript's: the
 * engine's declarations and JSDoc, read by the editor's TypeScript worker. The Python text's
 * `tf.train.Adam` chain is the same chain in the dialect, so it is written into a hidden
 * TypeScript model and the worker is asked what it would complete or show there.
 */
import type * as monacoNs from "monaco-editor";
import { chainAt, chainBefore } from "../pythonChains";
import { startTypeScriptNow } from "../tsWorkerStart";
import type { EditorBinding } from "./types";

const HELP_URI = "file:///python_help.ts";

type Parts = { text: string }[] | undefined;
const partsText = (parts: Parts): string => (parts ?? []).map((p) => p.text).join("");

/** A JSDoc tag (`@example`, `@param`) as markdown. */
function tagText(tag: { name: string; text?: Parts | string }): string {
  const text = typeof tag.text === "string" ? tag.text : partsText(tag.text);
  if (tag.name === "example") return `*@example*\n\`\`\`ts\n${text.replace(/^\n/, "")}\n\`\`\``;
  return `*@${tag.name}* ${text}`;
}

/** Markdown for a signature and its JSDoc (as TypeScript's hover shows them). */
function docs(display: Parts, documentation: Parts, tags: { name: string; text?: Parts | string }[] | undefined): monacoNs.IMarkdownString[] {
  const out: monacoNs.IMarkdownString[] = [];
  const sig = partsText(display);
  if (sig) out.push({ value: `\`\`\`ts\n${sig}\n\`\`\`` });
  const doc = [partsText(documentation), ...(tags ?? []).map(tagText)].filter(Boolean).join("\n\n");
  if (doc) out.push({ value: doc });
  return out;
}

const KIND: Record<string, keyof typeof monacoNs.languages.CompletionItemKind> = {
  function: "Function",
  method: "Method",
  property: "Property",
  var: "Variable",
  let: "Variable",
  const: "Constant",
  class: "Class",
  interface: "Interface",
  type: "Interface",
  module: "Module",
  alias: "Reference",
};

export const pythonHelp: EditorBinding = (_editor, monaco) => {
  const uri = monaco.Uri.parse(HELP_URI);
  const help = monaco.editor.getModel(uri) ?? monaco.editor.createModel("", "typescript", uri);
  /** The TypeScript worker's view of `text` in the hidden model. */
  const ask = async (text: string) => {
    startTypeScriptNow();
    help.setValue(text);
    const getWorker = await monaco.typescript.getTypeScriptWorker();
    return getWorker(uri);
  };

  const completions = monaco.languages.registerCompletionItemProvider("python", {
    triggerCharacters: ["."],
    async provideCompletionItems(model, position) {
      const before = model.getLineContent(position.lineNumber).slice(0, position.column - 1);
      const at = chainBefore(before);
      if (at === null) return { suggestions: [] };
      const text = `${at.chain}.${at.partial}`;
      const worker = await ask(text);
      const info = await worker.getCompletionsAtPosition(HELP_URI, text.length);
      const range = new monaco.Range(position.lineNumber, position.column - at.partial.length, position.lineNumber, position.column);
      const entries: { name: string; kind: string; sortText: string }[] = info?.entries ?? [];
      return {
        suggestions: entries
          .filter((e) => !e.name.startsWith("_"))
          .map((e) => ({
            label: e.name,
            kind: monaco.languages.CompletionItemKind[KIND[e.kind] ?? "Property"],
            insertText: e.name,
            sortText: e.sortText,
            range,
            // For resolveCompletionItem: where the worker was asked.
            data: { text, offset: text.length },
          })),
      };
    },
    async resolveCompletionItem(item) {
      const data = (item as { data?: { text: string; offset: number } }).data;
      if (!data) return item;
      const worker = await ask(data.text);
      const label = typeof item.label === "string" ? item.label : item.label.label;
      const d = await worker.getCompletionEntryDetails(HELP_URI, data.offset, label);
      if (!d) return item;
      const [sig, doc] = docs(d.displayParts, d.documentation, d.tags);
      return { ...item, detail: sig?.value.replace(/^```ts\n|\n```$/g, ""), documentation: doc };
    },
  });

  const hover = monaco.languages.registerHoverProvider("python", {
    async provideHover(model, position) {
      const chain = chainAt(model.getLineContent(position.lineNumber), position.column - 1);
      if (chain === null) return null;
      const worker = await ask(chain);
      const q = await worker.getQuickInfoAtPosition(HELP_URI, chain.length - 1);
      if (!q) return null;
      const word = model.getWordAtPosition(position);
      return {
        contents: docs(q.displayParts, q.documentation, q.tags),
        range: word ? new monaco.Range(position.lineNumber, word.startColumn, position.lineNumber, word.endColumn) : undefined,
      };
    },
  });

  return () => {
    completions.dispose();
    hover.dispose();
    help.dispose();
  };
};
