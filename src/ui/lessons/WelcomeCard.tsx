/**
 * The first-visit card, the whole first screen (under 90 words with the header): what the app is, what Play does, and
 * the first lesson. Dismissed for good in this browser; never shown over a link that opens a lesson step, nor in
 * presentation mode or an embed.
 */
import { BUILT_IN } from '../../state/builtinLessons';
import { dismissWelcome, useLesson } from '../../state/lessonStore';
import { useView } from '../../state/view';
import { useLessonClient } from '../context';

export function WelcomeCard() {
  const lessons = useLessonClient();
  const welcome = useLesson((s) => s.welcome && !s.lesson);
  const presenting = useView((v) => v.presenting);
  if (!welcome || presenting) return null;
  const first = BUILT_IN[0];
  return (
    <section className="welcome" aria-labelledby="welcome-title" data-testid="welcome">
      <h2 id="welcome-title">Welcome to Subnet Lab</h2>
      <p>
        Train a neural network live in your browser and watch the theory of masked training happen. Press Play and the
        error falls in a straight line to a plateau; the settings move the plateau.
      </p>
      <div className="buttons">
        {first && (
          <button
            type="button"
            className="primary"
            onClick={() => {
              dismissWelcome();
              void lessons.openBuiltIn(first.id);
            }}
          >
            Start the first lesson: {first.title}
          </button>
        )}
        <button
          type="button"
          onClick={() => {
            dismissWelcome();
            useLesson.setState({ listOpen: true });
          }}
        >
          All lessons
        </button>
        <button type="button" onClick={dismissWelcome}>
          Explore on my own
        </button>
      </div>
    </section>
  );
}
