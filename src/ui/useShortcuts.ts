/**
 * Keyboard shortcuts, wherever the focus is unless the focused control needs the key: space play/pause, → one round,
 * r reset (training view, unless a lesson step holds Play fixed); p presentation, t theme, ? help, Esc close (every
 * view). Inside a frame (`embed=1` in a course page or a slide deck) the app takes no key for itself: the deck owns →, Space, PageDown and the clicker, so
 * every key that no focused control needs goes to the host page as a `key` event (state/hostMessages.ts), which a
 * deck forwards to its own keyboard handling.
 */
import { useEffect } from 'react';

import { fixedNow } from '../state/fixed';
import { sendKeyToHost } from '../state/hostMessages';
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

const ARROWS = ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown'];
const PAGING = ['Home', 'End', 'PageUp', 'PageDown'];
const TEXT_INPUTS = ['text', 'number', 'search', 'email', 'url', 'tel', 'password'];

/** The control that took the focus from a pointer (a click or a tap) rather than from the keyboard, if it still has it. */
let clicked: EventTarget | null = null;
let pointerAt = -Infinity;
/** How soon after a press a focus counts as the press's. */
const PRESS_FOCUS_MS = 500;

/** Keys a slide deck may use: characters (Space, digits, letters), the arrows, the page keys and Escape — never Tab. */
const deckKey = (key: string) => key.length === 1 || ARROWS.includes(key) || PAGING.includes(key) || key === 'Escape';

/**
 * Whether the focused control needs this key itself: text fields, selects and editable text take every key, sliders
 * take the arrows (and, on a page of its own, Home, End and the page keys), radio buttons the arrows and Space,
 * checkboxes Space, buttons, links and section headings Space and Enter. Every other key is a shortcut wherever the
 * focus is (Escape always is). In a frame (`framed`), a button or box that was clicked rather than reached with the
 * keyboard keeps no key: the next Space or Enter is the deck's (a lecturer clicked Play, then presses the clicker).
 */
export function controlTakes(target: EventTarget | null, key: string, framed = false): boolean {
  if (!(target instanceof HTMLElement) || key === 'Escape') return false;
  if (target.isContentEditable || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT') return true;
  const pressKey = key === ' ' || key === 'Enter';
  const byKeyboard = !framed || target !== clicked;
  if (target instanceof HTMLInputElement) {
    if (TEXT_INPUTS.includes(target.type)) return true;
    if (target.type === 'range') return ARROWS.includes(key) || (!framed && PAGING.includes(key));
    if (target.type === 'radio') return ARROWS.includes(key) || (key === ' ' && byKeyboard);
    return pressKey && byKeyboard;
  }
  return ['BUTTON', 'SUMMARY', 'A'].includes(target.tagName) && pressKey && byKeyboard;
}

export function useShortcuts(): void {
  const client = useClient();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey) return;
      const framed = useView.getState().embed !== null && window.parent !== window;
      if (framed) {
        // An open dialog inside the frame closes with Escape; every other key no control needs is the deck's.
        if (!deckKey(e.key) || controlTakes(e.target, e.key, true)) return;
        if (e.key === 'Escape' && document.querySelector('dialog[open]')) return;
        e.preventDefault();
        // A clicked button keeps no focus, so that the key's release does not press it either.
        if (e.target instanceof HTMLElement && e.target !== document.body) e.target.blur();
        sendKeyToHost(e);
        return;
      }
      if (e.altKey) return;
      if (e.key === 'Escape') {
        useView.setState({ help: false, presenting: false });
        return;
      }
      if (controlTakes(e.target, e.key)) return;
      const training: Record<string, () => void> = {
        ' ': () =>
          useRun.getState().status === 'running' || useRun.getState().playPending ? client.pause() : client.playSoon(),
        ArrowRight: () => void client.step(1),
        r: () => void client.restart(),
      };
      // A lesson step that holds Play fixed takes its keys too.
      const act: Record<string, () => void> = {
        ...(useView.getState().view === 'train' && !fixedNow('play') ? training : {}),
        p: () => useView.setState((v) => ({ presenting: !v.presenting })),
        t: nextTheme,
        '?': () => useView.setState((v) => ({ help: !v.help })),
      };
      const f = act[e.key];
      if (!f) return;
      e.preventDefault();
      f();
    };
    const onPress = () => (pointerAt = performance.now());
    const onFocus = (e: FocusEvent) => (clicked = performance.now() - pointerAt < PRESS_FOCUS_MS ? e.target : null);
    window.addEventListener('keydown', onKey);
    window.addEventListener('pointerdown', onPress, true);
    window.addEventListener('focusin', onFocus, true);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('pointerdown', onPress, true);
      window.removeEventListener('focusin', onFocus, true);
    };
  }, [client]);
}
