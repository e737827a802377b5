/**
 * Share: the link of what is on screen in a selectable field, with a Copy button that says whether copying worked
 * (inside a course page's frame the clipboard may be closed: the field can always be selected by hand), and the
 * way to the Embed dialog.
 */
import { useEffect, useRef, useState } from 'react';

import { useView } from '../state/view';
import { copyText } from './shared/copy';

export function ShareDialog() {
  const open = useView((v) => v.share);
  const ref = useRef<HTMLDialogElement>(null);
  const field = useRef<HTMLInputElement>(null);
  const [result, setResult] = useState<boolean | null>(null);
  const url = open ? location.href : '';
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) {
      setResult(null);
      d.showModal();
      field.current?.select();
    }
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      className="share"
      aria-labelledby="share-title"
      onClose={() => useView.setState({ share: false })}
    >
      <h2 id="share-title">Share this run</h2>
      <p className="small">
        Opening this link reproduces the run — the same data, initialization and masks — on the same backend.
      </p>
      <input
        ref={field}
        type="text"
        readOnly
        value={url}
        aria-label="Link to this run"
        onFocus={(e) => e.target.select()}
      />
      <div className="buttons">
        <button type="button" className="primary" onClick={() => void copyText(url, field.current).then(setResult)}>
          Copy link
        </button>
        <button type="button" onClick={() => useView.setState({ share: false, embedDialog: true })}>
          Embed…
        </button>
        <span role="status" className="small" data-testid="share-result">
          {result === true
            ? 'Copied.'
            : result === false
              ? 'Copying is not allowed here: the link is selected — copy it by hand.'
              : ''}
        </span>
        <span className="spacer" />
        <button type="button" onClick={() => useView.setState({ share: false })}>
          Close
        </button>
      </div>
    </dialog>
  );
}
