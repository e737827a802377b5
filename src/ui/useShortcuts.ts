/**
 * Keyboard shortcuts, wherever the focus is unless the focused control needs the key: space play/pause, → one round,
 * r reset (training view); p presentation, t theme, ? help, Esc close (every view).
 */
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

const ARROWS = ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown'];
const TEXT_INPUTS = ['text', 'number', 'search', 'email', 'url', 'tel', 'password'];

/**
 * Whether the focused control needs this key itself: text fields, selects and editable text take every key, sliders
 * take the arrows, radio buttons the arrows and Space, checkboxes Space, buttons, links and section headings Space and
 * Enter. Every other key is a shortcut wherever the focus is (Escape always is).
 */
export function controlTakes(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof HTMLElement) || key === 'Escape') return false;
  if (target.isContentEditable || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT') return true;
  if (target instanceof HTMLInputElement) {
    if (TEXT_INPUTS.includes(target.type)) return true;
    if (target.type === 'range') return ARROWS.includes(key);
    if (target.type === 'radio') return ARROWS.includes(key) || key === ' ';
    return key === ' ' || key === 'Enter';
  }
  return ['BUTTON', 'SUMMARY', 'A'].includes(target.tagName) && (key === ' ' || key === 'Enter');
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
      if (controlTakes(e.target, e.key)) return;
      const training: Record<string, () => void> = {
        ' ': () => (useRun.getState().status === 'running' ? client.pause() : client.play()),
        ArrowRight: () => void client.step(1),
        r: () => void client.restart(),
      };
      const act: Record<string, () => void> = {
        ...(useView.getState().view === 'train' ? training : {}),
        p: () => useView.setState((v) => ({ presenting: !v.presenting })),
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
