/**
 * How the screen is shown, apart from the run: the open view, theme (following the system unless chosen,
 * remembered in this browser), presentation mode, the help dialog and the theory page. The view and presentation mode are part of
 * the link (`view=altmin`, `present=1`).
 */
import { create } from 'zustand';

import type { EmbedSettings } from '../core/embed';
import type { ViewName } from '../core/link';
import { localStore } from '../platform/storage';

export type Theme = 'system' | 'light' | 'dark';

export interface ViewState {
  view: ViewName;
  theme: Theme;
  presenting: boolean;
  help: boolean;
  /** The theory page's open section ("C.3", "" for its top), or null while it is closed. */
  theory: string | null;
  /** Inside a course page (`embed=1`): the panels and controls shown; null for the full app. */
  embed: EmbedSettings | null;
  /** The Share and Embed dialogs are open. */
  share: boolean;
  embedDialog: boolean;
}

const THEME_KEY = 'subnet-lab-theme';

function storedTheme(): Theme {
  const t = localStore.get(THEME_KEY);
  return t === 'light' || t === 'dark' ? t : 'system';
}

export const useView = create<ViewState>(() => ({
  view: 'train',
  theme: storedTheme(),
  presenting: false,
  help: false,
  theory: null,
  embed: null,
  share: false,
  embedDialog: false,
}));

/** Opens the theory page at a section ("B.1", "glossary"; "" for its top). */
export function openTheory(section: string): void {
  useView.setState({ theory: section });
}

/** Cycles system → light → dark → system and remembers the choice. */
export function nextTheme(): void {
  const order: Theme[] = ['system', 'light', 'dark'];
  const theme = order[(order.indexOf(useView.getState().theme) + 1) % order.length];
  useView.setState({ theme });
  // Where storage is refused (a frame on another site) the choice lasts for this page.
  if (theme === 'system') localStore.remove(THEME_KEY);
  else localStore.set(THEME_KEY, theme);
}
