/**
 * The lesson list (from the header's Lessons button, the first-visit card, or a link to an unknown lesson): every
 * built-in lesson with its length — to start, or to edit as a copy — a button to open a lesson file (a file can also
 * be dropped on the page), and the lesson editor: a new lesson, or the draft this browser keeps.
 */
import { useEffect, useRef } from 'react';

import { BUILT_IN } from '../../state/builtinLessons';
import { useLesson } from '../../state/lessonStore';
import { useLessonClient, useStudioClient } from '../context';
import { useModal } from '../shared/useModal';
import { openLessonFile } from './openLessonFile';

export function LessonList() {
  const lessons = useLessonClient();
  const studio = useStudioClient();
  const open = useLesson((s) => s.listOpen);
  const draft = open ? studio.lastDraft() : null;
  const message = useLesson((s) => s.message);
  const fileMessage = useLesson((s) => s.fileMessage);
  const file = useRef<HTMLInputElement>(null);
  const refusal = useRef<HTMLParagraphElement>(null);
  const ref = useModal(open);
  // A refused file: the reason is beside the button that chose it, and the focus moves there (a screen reader reads it).
  useEffect(() => {
    if (fileMessage && open) refusal.current?.focus();
  }, [fileMessage, open]);
  return (
    <dialog
      ref={ref}
      className="lesson-list"
      aria-labelledby="lessons-title"
      onClose={() => useLesson.setState({ listOpen: false, fileMessage: null })}
    >
      <h2 id="lessons-title">Lessons</h2>
      <p className="small">
        Each lesson is a few steps: a link that sets the app up, what to look at, a task the app checks as you go, and a
        question. Every step is a link — share it from the address bar.
      </p>
      {message && (
        <p className="notice error" role="alert" data-testid="lesson-message">
          {message}
        </p>
      )}
      <ol className="lesson-cards">
        {BUILT_IN.map((l, i) => (
          <li key={l.id}>
            <div>
              <h3>
                {i + 1}. {l.title}
              </h3>
              <p>{l.summary}</p>
              <span className="small">{l.steps.length} steps</span>
            </div>
            <span className="lesson-card-buttons">
              <button type="button" onClick={() => studio.editLesson(l, true)} aria-label={`Edit a copy: ${l.title}`}>
                Edit a copy
              </button>
              <button type="button" onClick={() => void lessons.openBuiltIn(l.id)} aria-label={`Start: ${l.title}`}>
                Start
              </button>
            </span>
          </li>
        ))}
      </ol>
      <div className="buttons">
        <button type="button" className="primary" onClick={() => studio.newLesson()}>
          New lesson
        </button>
        {draft && (
          <button type="button" onClick={() => studio.continueDraft()}>
            Continue the draft “{draft.title || 'untitled'}” ({draft.steps.length} step
            {draft.steps.length === 1 ? '' : 's'})
          </button>
        )}
        <span className="small">Make a lesson in the app: steps, goals, checks, a file or a link to hand out.</span>
      </div>
      <div className="buttons">
        <button type="button" onClick={() => file.current?.click()}>
          Open a lesson file…
        </button>
        <span className="small">or drop a lesson file (.json) anywhere on the page.</span>
        <input
          ref={file}
          type="file"
          accept=".json,application/json"
          hidden
          aria-label="Lesson file"
          onChange={(e) => {
            const f = e.target.files?.[0];
            e.target.value = '';
            if (f) void openLessonFile(lessons, f);
          }}
        />
        <span className="spacer" />
        <button type="button" onClick={() => useLesson.setState({ listOpen: false })}>
          Close
        </button>
      </div>
      {fileMessage && (
        <p className="notice error" role="alert" tabIndex={-1} ref={refusal} data-testid="lesson-file-message">
          {fileMessage}
        </p>
      )}
    </dialog>
  );
}
