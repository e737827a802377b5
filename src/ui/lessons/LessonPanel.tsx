/**
 * The open lesson step: the lesson's progress, the step's text, its task with every condition checked live, the
 * question with its answer behind a reveal, and Back, Next and Restart. The panel the step talks about is highlighted
 * (the `data-focus` attribute on the page's root marks it, so it stays marked when its view mounts later).
 */
import './lessons.css';

import { useEffect } from 'react';

import { showValue } from '../../core/lessons/goals';
import { useLesson } from '../../state/lessonStore';
import { useLessonClient } from '../context';
import { InlineMarkdown, Markdown } from '../shared/Markdown';
import { openLessonLink } from './openLessonLink';

export function LessonPanel() {
  const lessons = useLessonClient();
  const { lesson, step, goal, reached, revealed, collapsed, custom } = useLesson();
  const s = lesson?.steps[step];
  const focus = s?.focus ?? null;
  useEffect(() => {
    if (focus) document.documentElement.dataset.focus = focus;
    else delete document.documentElement.dataset.focus;
    if (!focus) return;
    // The step's view may mount its panels on the next frames; then bring the panel just below the (sticky) lesson.
    const t = setTimeout(() => {
      const panel = document.querySelector(`[data-panel="${focus}"]`)?.getBoundingClientRect();
      const bar = document.querySelector('.lesson')?.getBoundingClientRect().bottom ?? 0;
      if (panel && (panel.top < bar || panel.top > innerHeight - 80))
        window.scrollBy({ top: panel.top - bar - 12, behavior: 'smooth' });
    }, 300);
    return () => clearTimeout(t);
  }, [focus, step, lesson]);
  if (!lesson || !s) return null;
  const n = lesson.steps.length;
  const last = step === n - 1;
  return (
    <section
      className={collapsed ? 'lesson collapsed' : 'lesson'}
      aria-label={`Lesson: ${lesson.title}`}
      data-testid="lesson"
    >
      <div className="lesson-head">
        <strong className="lesson-title">{lesson.title}</strong>
        <ol className="lesson-progress" aria-label="Steps">
          {lesson.steps.map((t, i) => (
            <li key={i}>
              <button
                type="button"
                aria-current={i === step ? 'step' : undefined}
                aria-label={`Step ${i + 1}: ${t.title}`}
                title={t.title}
                className={i < step ? 'done' : undefined}
                onClick={() => void lessons.goTo(i)}
              >
                {i + 1}
              </button>
            </li>
          ))}
        </ol>
        <span className="small" data-testid="lesson-step">
          Step {step + 1} of {n}
        </span>
        <span className="spacer" />
        {custom?.fragment && (
          <button
            type="button"
            onClick={() => void navigator.clipboard?.writeText(location.href).catch(() => undefined)}
          >
            Copy lesson link
          </button>
        )}
        <button type="button" aria-expanded={!collapsed} onClick={() => useLesson.setState({ collapsed: !collapsed })}>
          {collapsed ? 'Show lesson' : 'Hide'}
        </button>
        <button type="button" onClick={() => lessons.close()} aria-label="Close the lesson">
          ×
        </button>
      </div>
      {!collapsed && (
        <div className="lesson-body">
          <div className="lesson-text">
            <h2>{s.title}</h2>
            <Markdown text={s.text} links={{ lesson: (q) => void openLessonLink(lessons, q) }} />
            {s.question && (
              <div className="lesson-question">
                <p>
                  <strong>Question.</strong> <InlineMarkdown text={s.question.text} />
                </p>
                {revealed ? (
                  <p data-testid="lesson-answer">
                    <strong>Answer.</strong> <InlineMarkdown text={s.question.answer} />
                  </p>
                ) : (
                  <button type="button" onClick={() => useLesson.setState({ revealed: true })}>
                    Show the answer
                  </button>
                )}
              </div>
            )}
          </div>
          <div className="lesson-task">
            {s.goal ? (
              <>
                <h3>Task</h3>
                <p>
                  <InlineMarkdown text={s.goal.text} />
                </p>
                <ul className="lesson-checks" aria-label="What the app checks">
                  {(goal?.conditions ?? []).map((c) => (
                    <li key={c.label} className={c.met ? 'met' : undefined}>
                      <span aria-hidden>{c.met ? '✓' : '○'}</span> {c.label}{' '}
                      <span className="small">(now {showValue(c.now)})</span>
                    </li>
                  ))}
                </ul>
                <p role="status" className={reached ? 'lesson-done' : 'small'} data-testid="lesson-goal">
                  {reached
                    ? last
                      ? 'Goal reached — that was the last step of this lesson.'
                      : `Goal reached — on to step ${step + 2}.`
                    : 'Not yet: the app checks as you go.'}
                </p>
                {!reached && s.solution !== null && (
                  <button
                    type="button"
                    onClick={() => void lessons.showSolution()}
                    title="Open the step with settings that reach the goal"
                  >
                    Show me
                  </button>
                )}
              </>
            ) : (
              <p className="small">No task in this step: read, look, and go on when you are ready.</p>
            )}
            <div className="lesson-nav">
              <button type="button" disabled={step === 0} onClick={() => void lessons.goTo(step - 1)}>
                Back
              </button>
              <button
                type="button"
                className={reached || !s.goal ? 'primary' : undefined}
                disabled={last}
                onClick={() => void lessons.goTo(step + 1)}
              >
                Next
              </button>
              <button type="button" onClick={() => void lessons.goTo(0)} title="Back to the lesson's first step">
                Restart
              </button>
            </div>
          </div>
        </div>
      )}
    </section>
  );
}
