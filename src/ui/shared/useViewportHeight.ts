/** The window's inner height, updated on resize (charts that fill a projector or a frame size themselves by it). */
import { useEffect, useState } from 'react';

export function useViewportHeight(): number {
  const [h, setH] = useState(() => window.innerHeight);
  useEffect(() => {
    const on = () => setH(window.innerHeight);
    window.addEventListener('resize', on);
    return () => window.removeEventListener('resize', on);
  }, []);
  return h;
}
