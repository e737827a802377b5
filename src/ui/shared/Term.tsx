/**
 * A word with its glossary definition: shown on hover and keyboard focus, and toggled by a tap or a click (a tablet
 * has no hover). The definition comes from the theory page's glossary.
 */
import { type ReactNode, useId, useState } from 'react';

import { glossaryEntry } from '../theory/theoryText';
import { InlineMarkdown } from './Markdown';

export function Term({ name, children }: { name: string; children?: ReactNode }) {
  const entry = glossaryEntry(name);
  const [open, setOpen] = useState(false);
  const id = useId();
  if (!entry) return <>{children ?? name}</>;
  return (
    <span className="term" onMouseLeave={() => setOpen(false)}>
      <button
        type="button"
        className="term-word"
        aria-expanded={open}
        aria-describedby={open ? id : undefined}
        onClick={() => setOpen((o) => !o)}
        onBlur={() => setOpen(false)}
        onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}
      >
        {children ?? name}
      </button>
      <span role="tooltip" id={id} className={open ? 'term-def open' : 'term-def'}>
        <strong>{entry.names.join(', ')}</strong> — <InlineMarkdown text={entry.definition} />
      </span>
    </span>
  );
}
