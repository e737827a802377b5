/**
 * Share: the link of what is on screen in a selectable field, with a Copy button that says whether copying worked
 * (inside a course page's frame the clipboard may be closed: the field can always be selected by hand), and the
 * way to the Embed dialog.
 */
import { useRef } from 'react';

import { useView } from '../state/view';
import { CopyButton } from './shared/CopyButton';
import { useModal } from './shared/useModal';

export function ShareDialog() {
  const open = useView((v) => v.share);
  const field = useRef<HTMLInputElement>(null);
  const ref = useModal(open, () => field.current?.select());
  const url = open ? location.href : '';
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
        <CopyButton label="Copy link" text={url} field={field} what="link" />
        <button type="button" onClick={() => useView.setState({ share: false, embedDialog: true })}>
          Embed…
        </button>
        <span className="spacer" />
        <button type="button" onClick={() => useView.setState({ share: false })}>
          Close
        </button>
      </div>
    </dialog>
  );
}
