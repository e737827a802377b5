/**
 * Copying text to the clipboard wherever the app runs. In the top window: the Clipboard API. Inside a frame, where a
 * cross-origin page usually grants no clipboard permission (and asking logs an error), the field holding the text is
 * selected and copied by the editing command, which needs no permission. Says whether it worked.
 */
export async function copyText(text: string, field: HTMLInputElement | HTMLTextAreaElement | null): Promise<boolean> {
  const framed = window.top !== window.self;
  if (!framed && navigator.clipboard) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      /* fall back to the field below */
    }
  }
  if (!field) return false;
  field.focus();
  field.select();
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  }
}
