/** The first-visit welcome (welcome.ts decides when): start the lessons, or just play. */
import { startLessons } from "../lessons/player/actions";
import { useStore } from "../store";
import { dismissWelcome } from "./welcome";

export function Welcome() {
  const shown = useStore((s) => s.layout.welcome);
  if (!shown) return null;
  const start = () => {
    dismissWelcome();
    startLessons();
  };
  return (
    <section className="welcome" aria-labelledby="welcome-title" data-testid="welcome">
      <div className="welcome-text">
        <h2 id="welcome-title">New here?</h2>
        <p>
          Your code builds a TensorFlow graph, drawn as you go; each <code>sess.run</code> lights up the part of it that ran. The lessons
          show it one idea at a time.
        </p>
      </div>
      <div className="welcome-actions">
        <button type="button" className="btn btn-primary" onClick={start}>
          Start the lessons
        </button>
        <button type="button" className="btn" onClick={() => dismissWelcome()}>
          Just play
        </button>
      </div>
    </section>
  );
}
