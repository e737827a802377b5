/**
 * Handing the lesson out: Save file (the lesson's JSON, which `lesson check` and the Lessons dialog read — saved even
 * before the lesson is finished, so nothing is lost where this browser keeps nothing), Copy link (the whole lesson in
 * the `#lesson=` address), Copy embed (an iframe for a course page) and Try as a student (the lesson in a new tab).
 */
import { useEffect, useId, useRef, useState } from 'react';

import { lessonSnippet } from '../../core/lessons/share';
import { useRun } from '../../state/store';
import { draftRefusal, draftText, useStudio } from '../../state/studioStore';
import { useStudioClient } from '../context';
import { CopyButton } from '../shared/CopyButton';
import { download } from '../shared/download';

export function HandOut() {
  const studio = useStudioClient();
  const id = useId();
  const draft = useStudio((s) => s.draft);
  const saved = useStudio((s) => s.saved);
  const backend = useRun((s) => s.forcedBackend);
  const text = draftText(draft);
  const refusal = draftRefusal(draft);
  const [address, setAddress] = useState<{ text: string; link: string | null; student: string | null } | null>(null);
  const linkField = useRef<HTMLInputElement>(null);
  const snippetField = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    let live = true;
    // The student's tab uses the backend this tab was asked for (a lecturer's ?backend=…); the handed-out link none.
    void Promise.all([studio.lessonAddress(), studio.lessonAddress(backend ? `?backend=${backend}` : '')]).then(
      ([link, student]) => live && setAddress({ text, link, student }),
    );
    return () => {
      live = false;
    };
  }, [studio, text, backend]);
  const current = address?.text === text ? address : null;
  const link = current?.link ?? '';
  const snippet = link ? lessonSnippet(link, draft.title) : '';
  return (
    <section className="studio-handout" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Hand out</h3>
      {refusal && (
        <p className="small warn" data-testid="studio-refusal">
          Not ready to hand out: {refusal.replace(/^Lesson refused — /, '')}
        </p>
      )}
      <div className="buttons">
        <button
          type="button"
          className="primary"
          onClick={() => {
            download(`${draft.id || 'lesson'}.json`, text, 'application/json');
            useStudio.setState({ saved: text });
          }}
        >
          Save file
        </button>
        <span role="status" className="small">
          {saved === text ? `Saved as ${draft.id || 'lesson'}.json.` : ''}
        </span>
        {current?.student ? (
          <a className="button" href={current.student} target="_blank" rel="noopener noreferrer">
            Try as a student
          </a>
        ) : (
          <button type="button" disabled>
            Try as a student
          </button>
        )}
      </div>
      <label>
        Link <input ref={linkField} type="text" readOnly value={link} onFocus={(e) => e.target.select()} />
      </label>
      <div className="buttons">
        {link ? (
          <CopyButton label="Copy link" text={link} field={linkField} what="lesson-link" />
        ) : (
          <button type="button" disabled>
            Copy link
          </button>
        )}
      </div>
      <label htmlFor={`${id}-embed`}>Embed for a course page</label>
      <textarea
        id={`${id}-embed`}
        ref={snippetField}
        readOnly
        rows={3}
        value={snippet}
        onFocus={(e) => e.target.select()}
      />
      <div className="buttons">
        {snippet ? (
          <CopyButton label="Copy embed" text={snippet} field={snippetField} what="lesson-embed" />
        ) : (
          <button type="button" disabled>
            Copy embed
          </button>
        )}
      </div>
    </section>
  );
}
