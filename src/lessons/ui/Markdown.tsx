/**
 * Lesson Markdown as React elements. A [[node:NAME]] reference lights the node up in the graph
 * while hovered or focused (the app store's `selection.hoverNode`), and selects it on click.
 */
import { useMemo, type ReactNode } from "react";
import { hoverNode, selectNode } from "../../store";
import { parseInline, parseMarkdown, type Block, type Inline } from "../player/markdown";

function NodeRef({ name, label }: { name: string; label: string }) {
  return (
    <button
      type="button"
      className="lesson-node-ref"
      data-node={name}
      title={`Show ${name} in the graph`}
      onMouseEnter={() => hoverNode(name)}
      onMouseLeave={() => hoverNode(null)}
      onFocus={() => hoverNode(name)}
      onBlur={() => hoverNode(null)}
      onClick={() => selectNode(name)}
    >
      <code>{label}</code>
    </button>
  );
}

function inlines(items: readonly Inline[]): ReactNode[] {
  return items.map((it, i) => {
    switch (it.type) {
      case "text":
        return it.text;
      case "code":
        return <code key={i}>{it.text}</code>;
      case "strong":
        return <strong key={i}>{inlines(it.children)}</strong>;
      case "em":
        return <em key={i}>{inlines(it.children)}</em>;
      case "link":
        return (
          <a key={i} href={it.href} {...(it.href.startsWith("#") ? {} : { target: "_blank", rel: "noreferrer noopener" })}>
            {inlines(it.children)}
          </a>
        );
      case "node":
        return <NodeRef key={i} name={it.name} label={it.label} />;
    }
  });
}

function block(b: Block, i: number): ReactNode {
  switch (b.type) {
    case "heading": {
      // Lesson headings sit under the lesson title (h2) and task titles (h3).
      const Tag = (["h3", "h4", "h5", "h6"] as const)[Math.min(3, b.level - 1)];
      return <Tag key={i}>{inlines(b.children)}</Tag>;
    }
    case "paragraph":
      return <p key={i}>{inlines(b.children)}</p>;
    case "quote":
      return <blockquote key={i}>{inlines(b.children)}</blockquote>;
    case "code":
      return (
        <pre key={i} className="lesson-code" data-lang={b.lang || undefined}>
          <code>{b.text}</code>
        </pre>
      );
    case "list": {
      const items = b.items.map((item, k) => <li key={k}>{inlines(item)}</li>);
      return b.ordered ? (
        <ol key={i} start={b.start}>
          {items}
        </ol>
      ) : (
        <ul key={i}>{items}</ul>
      );
    }
  }
}

export function Markdown({ source }: { source: string }) {
  const blocks = useMemo(() => parseMarkdown(source), [source]);
  return <div className="lesson-markdown">{blocks.map(block)}</div>;
}

/** One line of Markdown without blocks (a check's "not yet" message names nodes in `code`). */
export function InlineMarkdown({ text }: { text: string }) {
  const items = useMemo(() => parseInline(text), [text]);
  return <>{inlines(items)}</>;
}
