/**
 * The compact header of `?embed=1`: the lesson's title, Run/Stop, the status, and a link that
 * opens the same program (or lesson, with the learner's code) in the full playground.
 */
import { useMemo } from "react";
import { currentLessonHash } from "../lessons/player/actions";
import { openLesson, useLessons } from "../lessons/player/store";
import { shareUrl } from "../share/codec";
import { useStore } from "../store";
import { StatusBadge } from "../ui/StatusBadge";
import { runCode, stopCode } from "./actions";

/** The full playground's address for what the embed shows: without `embed` and `hide`. */
export function playgroundUrl(href: string, lessonHash: string | null, code: string, seed: number | null, language: "typescript" | "python" = "typescript"): string {
  if (lessonHash === null) return shareUrl(href, { code, seed, run: null, language });
  const url = new URL(href);
  url.search = "";
  url.hash = lessonHash;
  return url.toString();
}

export function EmbedBar() {
  const title = useLessons((s) => openLesson(s)?.title ?? "TF Graph Playground");
  const running = useStore((s) => s.program.status === "running");
  // Re-rendered as the code and the lesson change, so the link always carries them.
  const code = useStore((s) => s.editor.code);
  const seed = useStore((s) => s.program.seed ?? s.editor.seed);
  const language = useStore((s) => s.editor.language);
  const lessonKey = useLessons((s) => (s.open ? `${s.open.lessonId}/${s.open.taskId ?? ""}` : ""));
  const href = useMemo(() => playgroundUrl(location.href, currentLessonHash(true), code, seed, language), [code, seed, language, lessonKey]);
  return (
    <header className="toolbar embed-bar">
      <h1 className="app-title">{title}</h1>
      <div className="toolbar-actions">
        <button type="button" className="btn btn-primary" onClick={runCode}>
          <span aria-hidden="true">▶ </span>Run
        </button>
        <button type="button" className="btn" onClick={stopCode} disabled={!running}>
          <span aria-hidden="true">■ </span>Stop
        </button>
      </div>
      <StatusBadge />
      <a className="embed-open" href={href} target="_blank" rel="noopener noreferrer">
        Open in the playground <span aria-hidden="true">↗</span>
      </a>
    </header>
  );
}
