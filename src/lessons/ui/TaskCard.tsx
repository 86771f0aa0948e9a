/** One task: what to do, whether the last Run passed it, its hints one at a time, its solution. */
import { putSolutionInEditor } from "../player/actions";
import { contentHash, isFailureTask } from "../player/progress";
import { hintsShown, revealHint, selectTask, showSolution, solutionShown, useLessons } from "../player/store";
import type { Lesson, Task } from "../lesson";
import { InlineMarkdown, Markdown } from "./Markdown";

function Reasons({ failures }: { failures: readonly string[] }) {
  return (
    <ul>
      {failures.map((f, i) => (
        <li key={i}>
          <InlineMarkdown text={f} />
        </li>
      ))}
    </ul>
  );
}

/**
 * Whether the task passes, from the last Run's check and the saved progress. A done task stays
 * done: a task about a failure was judged on the run that failed and is not judged again (the
 * learner fixes the program next); any other done task says what this run no longer does.
 */
function Outcome({ lesson, task }: { lesson: Lesson; task: Task }) {
  const outcome = useLessons((s) => (s.outcomes?.lessonId === lesson.id ? s.outcomes.byTask[task.id] : undefined));
  const checking = useLessons((s) => s.checking);
  const done = useLessons((s) => (s.progress[lesson.id]?.hash === contentHash(lesson) && s.progress[lesson.id]?.done.includes(task.id)) ?? false);
  if (checking) return <p className="task-outcome task-checking" role="status">Checking…</p>;
  if (outcome?.passed) return <p className="task-outcome task-passed" role="status">✓ Done: every check passes.</p>;
  if (outcome && done && isFailureTask(task)) {
    return (
      <p className="task-outcome task-passed" role="status">
        ✓ Done: your program failed as this task asked. It does not fail any more, which is what came next.
      </p>
    );
  }
  if (outcome && done) {
    return (
      <div className="task-outcome task-passed" role="status">
        <p>✓ Done with an earlier run. This run no longer does it:</p>
        <Reasons failures={outcome.failures} />
      </div>
    );
  }
  if (outcome) {
    return (
      <div className="task-outcome task-not-yet" role="status">
        <Reasons failures={outcome.failures} />
      </div>
    );
  }
  if (done) return <p className="task-outcome task-passed">✓ Done before. Run again to re-check.</p>;
  return <p className="task-outcome muted">Press Run to check this task.</p>;
}

export function TaskCard({ lesson, task, index, current }: { lesson: Lesson; task: Task; index: number; current: boolean }) {
  const shown = useLessons((s) => hintsShown(s, lesson.id, task.id));
  const solution = useLessons((s) => solutionShown(s, lesson.id, task.id));
  return (
    <section className={`task-card${current ? " task-current" : ""}`} aria-label={`Task ${index + 1}: ${task.title}`} data-task={task.id}>
      <h3>
        <button type="button" className="task-title" onClick={() => selectTask(task.id)} aria-current={current ? "step" : undefined}>
          Task {index + 1}: {task.title}
        </button>
      </h3>
      <Markdown source={task.statement.typescript} />
      <Outcome lesson={lesson} task={task} />
      {task.hints.slice(0, shown).map((h, i) => (
        <div key={i} className="task-hint" aria-label={`Hint ${i + 1}`}>
          <span className="task-hint-label">Hint {i + 1}:</span> <Markdown source={h.typescript} />
        </div>
      ))}
      <div className="task-actions">
        {shown < task.hints.length && (
          <button type="button" className="btn" onClick={() => revealHint(lesson.id, task.id)}>
            {shown === 0 ? "Show a hint" : "Another hint"} ({shown + 1} of {task.hints.length})
          </button>
        )}
        <button type="button" className="btn" onClick={() => showSolution(lesson.id, task.id, !solution)} aria-expanded={solution}>
          {solution ? "Hide the solution" : "Show the solution"}
        </button>
      </div>
      {solution && (
        <div className="task-solution">
          <pre className="lesson-code">
            <code>{task.solution.typescript}</code>
          </pre>
          <button type="button" className="btn" onClick={() => putSolutionInEditor(task.id)}>
            Put it in the editor
          </button>
        </div>
      )}
    </section>
  );
}
