/** Folds the lesson pane to a narrow rail (wide layout only: a narrow one shows it in a tab). */
import { setLessonRail } from "../../store";

export function FoldButton() {
  return (
    <button type="button" className="btn btn-small lesson-fold" onClick={() => setLessonRail(true)} aria-label="Fold the lesson to a rail" title="Fold the lesson to a rail (more room for the graph)">
      <span aria-hidden="true">«</span>
    </button>
  );
}
