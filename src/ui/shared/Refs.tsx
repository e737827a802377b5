/** Text in which every reference to a theory section — "(B.1)", "THEORY.md H.1" — is a link that opens that section of the theory page. */
import { Fragment } from 'react';

import { openTheory } from '../../state/view';

const REF = /\(([A-J]\.\d+)\)|THEORY\.md ([A-J](?:\.\d+)?)/g;

export function Refs({ text }: { text: string }) {
  const parts: (string | { section: string; label: string })[] = [];
  let at = 0;
  for (const m of text.matchAll(REF)) {
    parts.push(text.slice(at, m.index));
    const section = m[1] ?? m[2];
    parts.push({ section, label: m[1] ? `(${section})` : `theory ${section}` });
    at = (m.index ?? 0) + m[0].length;
  }
  parts.push(text.slice(at));
  return (
    <>
      {parts.map((p, i) =>
        typeof p === 'string' ? (
          <Fragment key={i}>{p}</Fragment>
        ) : (
          <button
            key={i}
            type="button"
            className="link ref"
            onClick={() => openTheory(p.section)}
            title={`Open section ${p.section} of the theory page`}
          >
            {p.label}
          </button>
        ),
      )}
    </>
  );
}
