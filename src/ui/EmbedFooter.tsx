/** In an embed: a small link that opens the same run in the full app, in a new tab. */
import { useRun } from '../state/store';
import { useView } from '../state/view';

export function EmbedFooter() {
  useRun((s) => s.config);
  useView((v) => v.view);
  const url = new URL(location.href);
  for (const k of ['embed', 'panels', 'controls']) url.searchParams.delete(k);
  return (
    <a className="open-full" href={url.href} target="_blank" rel="noopener noreferrer">
      Open in Subnet Lab ↗
    </a>
  );
}
