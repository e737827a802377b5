// The help dialog: keyboard shortcuts and what the screen shows.
import { useEffect, useRef } from 'react';

import { useView } from '../state/view';
import { SHORTCUTS } from './useShortcuts';

export function HelpDialog() {
  const open = useView((v) => v.help);
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog ref={ref} className="help" aria-labelledby="help-title" onClose={() => useView.setState({ help: false })}>
      <h2 id="help-title">Keyboard shortcuts</h2>
      <table>
        <tbody>
          {SHORTCUTS.map(([k, what]) => (
            <tr key={k}>
              <th scope="row">
                <kbd>{k}</kbd>
              </th>
              <td>{what}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>Every setting is in the link: Share copies it, and opening it gives the same run on the same backend.</p>
      <button type="button" onClick={() => useView.setState({ help: false })}>
        Close
      </button>
    </dialog>
  );
}
