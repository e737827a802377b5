// The help dialog: keyboard shortcuts and what the screen shows.
import { useView } from '../state/view';
import { useModal } from './shared/useModal';
import { SHORTCUTS } from './useShortcuts';

export function HelpDialog() {
  const open = useView((v) => v.help);
  const ref = useModal(open);
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
