/**
 * How the screen is shown, apart from the run: the open view, theme (following the system unless chosen,
 * remembered in this browser), presentation mode, the help dialog and the theory page. The view and presentation mode are part of
 * the link (`view=altmin`, `present=1`).
 */
import { create } from 'zustand';

import type { EmbedSettings } from '../core/embed';
import type { ViewName } from '../core/link';

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
  try {
    const t = localStorage.getItem(THEME_KEY);
    return t === 'light' || t === 'dark' ? t : 'system';
  } catch {
    return 'system';
  }
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
  try {
    if (theme === 'system') localStorage.removeItem(THEME_KEY);
    else localStorage.setItem(THEME_KEY, theme);
  } catch {
    /* storage unavailable: the choice lasts for this page */
  }
}
