/** Whether a CSS media query matches now, updated as it changes (a phone turned, a window resized). */
import { useEffect, useState } from 'react';

export function useMedia(query: string): boolean {
  const [matches, setMatches] = useState(() => window.matchMedia(query).matches);
  useEffect(() => {
    const m = window.matchMedia(query);
    const on = () => setMatches(m.matches);
    on();
    m.addEventListener('change', on);
    return () => m.removeEventListener('change', on);
  }, [query]);
  return matches;
}

/** Below this width the lesson is a bar at the top (and on a phone the header a menu). */
export const NARROW = '(max-width: 1100px)';
export const PHONE = '(max-width: 700px)';
/** A touch screen as the main pointer (a phone, a tablet): tap, not click, and no Space key. */
export const TOUCH = '(pointer: coarse)';
