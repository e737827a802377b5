/** A <dialog> shown as a modal while `open` is true and closed when it turns false; `onOpen` runs each time it opens. */
import { type RefObject, useEffect, useRef } from 'react';

export function useModal(open: boolean, onOpen?: () => void): RefObject<HTMLDialogElement | null> {
  const ref = useRef<HTMLDialogElement>(null);
  const opened = useRef(onOpen);
  opened.current = onOpen;
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) {
      d.showModal();
      opened.current?.();
    }
    if (!open && d.open) d.close();
  }, [open]);
  return ref;
}
