/**
 * How the screen is shown, apart from the run: theme (following the system unless chosen, remembered in this
 * browser), presentation mode, and the help dialog. Presentation mode is part of the link (`view=present`).
 */
import { create } from 'zustand';

export type Theme = 'system' | 'light' | 'dark';

export interface ViewState {
  theme: Theme;
  presenting: boolean;
  help: boolean;
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

export const useView = create<ViewState>(() => ({ theme: storedTheme(), presenting: false, help: false }));

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
