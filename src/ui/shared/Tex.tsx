// A typeset formula (KaTeX). Only formulas written in the code are rendered as markup; every number is shown as text beside them.
import 'katex/dist/katex.min.css';

import katex from 'katex';
import { useMemo } from 'react';

export function Tex({ tex, name }: { tex: string; name: string }) {
  const html = useMemo(() => katex.renderToString(tex, { displayMode: true, throwOnError: false }), [tex]);
  // Focusable so that a formula wider than the panel can be scrolled from the keyboard.
  return (
    <div
      className="tex"
      tabIndex={0}
      role="group"
      aria-label={`formula: ${name}`}
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
