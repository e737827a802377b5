/** The theory page: docs/THEORY.md rendered in the app, opened at the section a reference names, with a list of its sections. */
import './theory.css';

import { useEffect, useMemo } from 'react';

import { useView } from '../../state/view';
import { headingId, Markdown, parseMarkdown } from '../shared/Markdown';
import { useModal } from '../shared/useModal';
import { THEORY_TEXT } from './theoryText';

/** The page's top-level sections, for the index: id and title. */
function sections(): { id: string; title: string }[] {
  return parseMarkdown(THEORY_TEXT)
    .children.filter((n) => n.type === 'heading' && n.depth === 2)
    .map((n) => {
      const title = 'children' in n ? n.children.map((c) => ('value' in c ? c.value : '')).join('') : '';
      return { id: headingId(title), title };
    });
}

export function TheoryDialog() {
  const section = useView((v) => v.theory);
  const ref = useModal(section !== null);
  const index = useMemo(sections, []);
  useEffect(() => {
    if (section === null) return;
    const target = section ? document.getElementById(`theory-${section}`) : null;
    if (target) target.scrollIntoView({ block: 'start' });
    else ref.current?.querySelector('.theory-body')?.scrollTo({ top: 0 });
  }, [section, ref]);
  return (
    <dialog
      ref={ref}
      className="theory-page"
      aria-labelledby="theory-title"
      onClose={() => useView.setState({ theory: null })}
    >
      <header>
        <h2 id="theory-title">Theory</h2>
        <nav aria-label="Sections">
          {index.map((s) => (
            <button key={s.id} type="button" className="link" onClick={() => useView.setState({ theory: s.id })}>
              {s.title}
            </button>
          ))}
        </nav>
        <button type="button" onClick={() => useView.setState({ theory: null })}>
          Close
        </button>
      </header>
      <div className="theory-body">{section !== null && <Markdown text={THEORY_TEXT} />}</div>
    </dialog>
  );
}
