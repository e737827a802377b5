/** Keyboard shortcuts: space play/pause, → one round, r reset, p presentation (training view), t theme, ? help, Esc close. */
import { useEffect } from 'react';

import { useRun } from '../state/store';
import { nextTheme, useView } from '../state/view';
import { useClient } from './context';

export const SHORTCUTS: [string, string][] = [
  ['Space', 'play / pause'],
  ['→', 'run one round'],
  ['r', 'reset to the same initialization'],
  ['p', 'presentation mode on / off'],
  ['t', 'theme: system, light, dark'],
  ['?', 'this help'],
  ['Esc', 'close help, leave presentation mode'],
];

/** Keys typed into a form control belong to it (sliders move with arrows, fields take text, Space opens a summary). */
function inControl(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (['INPUT', 'SELECT', 'TEXTAREA', 'BUTTON', 'SUMMARY'].includes(target.tagName) || target.isContentEditable)
  );
}

export function useShortcuts(): void {
  const client = useClient();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.key === 'Escape') {
        useView.setState({ help: false, presenting: false });
        return;
      }
      if (inControl(e.target)) return;
      const training: Record<string, () => void> = {
        ' ': () => (useRun.getState().status === 'running' ? client.pause() : client.play()),
        ArrowRight: () => void client.step(1),
        r: () => void client.restart(),
        p: () => useView.setState((v) => ({ presenting: !v.presenting })),
      };
      const act: Record<string, () => void> = {
        ...(useView.getState().view === 'train' ? training : {}),
        t: nextTheme,
        '?': () => useView.setState((v) => ({ help: !v.help })),
      };
      const f = act[e.key];
      if (!f) return;
      e.preventDefault();
      f();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [client]);
}
