/**
 * The first-visit card: what the app is, what to press first, and the first lesson. Dismissed for good in this
 * browser; never shown over a link that opens a lesson step, nor in presentation mode.
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
      <div>
        <h2 id="welcome-title">Welcome to Subnet Lab</h2>
        <p>
          A neural network with 1024 hidden neurons is training live in your browser, with randomly masked neurons —
          dropout, multi-sample dropout or IST. Press <kbd>Play</kbd> (or <kbd>Space</kbd>) and watch the error fall in
          a straight line to a plateau; move the sliders on the left and see the plateau move; the panel on the right
          says what the theory predicts, with the numbers of your run.
        </p>
      </div>
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
          Dismiss
        </button>
      </div>
    </section>
  );
}
