/** A Copy button for the text of a field beside it, and what happened, in words (copying may be closed inside a frame). */
import { type RefObject, useState } from 'react';

import { copyText } from '../../platform/clipboard';

export function CopyButton({
  label,
  text,
  field,
  what,
}: {
  label: string;
  text: string;
  field: RefObject<HTMLInputElement | HTMLTextAreaElement | null>;
  /** What was copied, for the message ("link", "snippet"). */
  what: string;
}) {
  const [result, setResult] = useState<{ text: string; ok: boolean } | null>(null);
  return (
    <>
      <button
        type="button"
        className="primary"
        onClick={() => void copyText(text, field.current).then((ok) => setResult({ text, ok }))}
      >
        {label}
      </button>
      <span role="status" className="small" data-testid={`copy-${what}`}>
        {result?.text !== text
          ? ''
          : result.ok
            ? 'Copied.'
            : `Copying is not allowed here: the ${what} is selected — copy it by hand.`}
      </span>
    </>
  );
}
