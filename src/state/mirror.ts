/** Writes the open view and its settings into the address bar (replacing the entry: the link is always current). */
import { linkQuery } from '../core/link';
import { useAltMin } from './altminStore';
import { useRegimes } from './regimesStore';
import { useRun } from './store';
import { useView } from './view';

export function mirrorLink(): void {
  const { config, compare, forcedBackend } = useRun.getState();
  const { view, presenting } = useView.getState();
  history.replaceState(
    null,
    '',
    linkQuery({
      view,
      config,
      compare,
      altmin: useAltMin.getState().config,
      phase: useRegimes.getState().settings,
      backend: forcedBackend,
      presenting,
    }),
  );
}
