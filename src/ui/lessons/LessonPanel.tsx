/**
 * The open lesson step: the lesson's progress, the step's text, its task with every condition checked live, the
 * question with its answer behind a reveal, and Back, Next and Restart. On a wide screen it is a card in a column of
 * its own at the right, beside the view; on a narrow one and in presentation mode it is one line — title, step dots,
 * the task's status, Play on a phone, Next — whose step expands over the view on a tap ("Try it" folds it again). The
 * panel the step talks about, and the control it names, are highlighted and brought on screen
 * (ui/lessons/bringIntoView.ts); the panels the step hides are not shown (the controls it holds fixed disable
 * themselves: ui/shared/Fixed.tsx).
 */
import './lessons.css';

import { useEffect } from 'react';

import { showValue } from '../../core/lessons/goals';
import { copyText } from '../../platform/clipboard';
import { stepLimits } from '../../state/fixed';
import { useLesson } from '../../state/lessonStore';
import { useView } from '../../state/view';
import { useLessonClient, useStudioClient } from '../context';
import { InlineMarkdown, Markdown } from '../shared/Markdown';
import { NARROW, TOUCH, useMedia } from '../shared/useMedia';
import { CHART_PANELS } from '../train/Plots';
import { PlayToggle } from '../train/RunButtons';
import { withActions } from './actions';
import { bringIntoView } from './bringIntoView';
import { openLessonLink } from './openLessonLink';

export function LessonPanel() {
  const lessons = useLessonClient();
  const studio = useStudioClient();
  const { lesson, step, goal, reached, revealed, collapsed, custom } = useLesson();
  const presenting = useView((v) => v.presenting);
  const view = useView((v) => v.view);
  const narrow = useMedia(NARROW);
  const touch = useMedia(TOUCH);
  const compact = presenting || narrow;
  const s = lesson?.steps[step];
  const focus = s?.focus ?? null;
  const control = s?.control ?? null;
  // On a phone the chart the step is about stays pinned at the top (the error plot when it is about no chart).
  const pinned = focus && CHART_PANELS.includes(focus) && focus !== 'sweep' ? focus : 'error';
  useEffect(() => {
    const root = document.documentElement;
    root.classList.toggle('lesson-open', Boolean(lesson));
    root.classList.toggle('lesson-side', Boolean(lesson) && !compact);
    if (focus) root.dataset.focus = focus;
    else delete root.dataset.focus;
    if (control) root.dataset.stepControl = control;
    else delete root.dataset.stepControl;
  }, [lesson, compact, focus, control]);
  useEffect(() => {
    // The step's view may mount its panels on the next frames.
    const t = setTimeout(() => bringIntoView(focus, control), 300);
    return () => clearTimeout(t);
  }, [focus, control, step, lesson]);
  if (!lesson || !s) return null;
  const hidden = stepLimits(s, view).hide;
  const n = lesson.steps.length;
  const last = step === n - 1;
  const open = !compact || !collapsed;
  const status = !s.goal ? 'read and look' : reached ? '✓ goal reached' : '○ task open';
  const dots = (
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
  );
  return (
    <section
      className={`lesson ${compact ? 'compact' : 'side'}${open ? ' open' : ''}`}
      aria-label={`Lesson: ${lesson.title}`}
      data-testid="lesson"
    >
      {/* The named control, on a phone the pinned panel, and the panels the step hides: names the lesson format checked. */}
      <style>
        {(control
          ? `[data-control="${control}"]{outline:3px solid var(--accent);outline-offset:3px;border-radius:6px}`
          : '') +
          `@media (max-width:700px){.layout [data-panel="${pinned}"]{order:0;position:sticky;top:var(--bar-h);z-index:5}}` +
          hidden.map((p) => `[data-panel="${p}"]{display:none!important}`).join('')}
      </style>
      <div className="lesson-bar">
        <strong className="lesson-title" title={lesson.title}>
          {lesson.title}
        </strong>
        {!compact && dots}
        <span className="small lesson-count" data-testid="lesson-step">
          Step {step + 1} of {n}
        </span>
        {compact && (
          <span className={reached ? 'lesson-status done' : 'lesson-status'} data-testid="lesson-status">
            {s.title} · {status}
          </span>
        )}
        <span className="spacer" />
        {narrow && view === 'train' && <PlayToggle />}
        {compact && (
          <button type="button" aria-expanded={open} onClick={() => useLesson.setState({ collapsed: open })}>
            {open ? 'Hide' : 'Show step'}
          </button>
        )}
        {compact && !open && (
          <button
            type="button"
            className={reached || !s.goal ? 'primary' : undefined}
            disabled={last}
            onClick={() => void lessons.goTo(step + 1)}
          >
            Next
          </button>
        )}
        <button type="button" onClick={() => lessons.close()} aria-label="Close the lesson">
          ×
        </button>
      </div>
      {open && (
        <div className="lesson-body">
          {compact && dots}
          <div className="lesson-text">
            <h2>{s.title}</h2>
            <Markdown text={withActions(s.text, touch)} links={{ lesson: (q) => void openLessonLink(lessons, q) }} />
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
                  <InlineMarkdown text={withActions(s.goal.text, touch)} />
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
              {compact && s.goal && !reached && (
                <button
                  type="button"
                  className="primary"
                  onClick={() => {
                    // The step folds to its one line, and the panel and control the task names come on screen.
                    useLesson.setState({ collapsed: true });
                    setTimeout(() => bringIntoView(focus, control), 50);
                  }}
                >
                  Try it
                </button>
              )}
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
              <button
                type="button"
                onClick={() => studio.editLesson(lesson, custom === null)}
                title={custom === null ? 'Edit a copy of this lesson in the lesson editor' : 'Edit this lesson'}
              >
                Edit
              </button>
              {custom?.fragment && (
                <button type="button" onClick={() => void copyText(location.href, null)}>
                  Copy lesson link
                </button>
              )}
            </div>
          </div>
        </div>
      )}
    </section>
  );
}
