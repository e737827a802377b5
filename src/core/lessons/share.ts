/**
 * A whole lesson inside a link: the file's text, deflated (CompressionStream, in every modern browser and in Node)
 * and written in base64url after `#lesson=`, so a course page can hand out a custom lesson with no server. Decoding
 * stops at the lesson size limit, so a crafted fragment cannot inflate without bound. A course page embeds a lesson
 * with the iframe `lessonSnippet` writes.
 */
import { MAX_LESSON_BYTES } from './format';

export const FRAGMENT_KEY = 'lesson';

function toBase64Url(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  try {
    const s = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    return Uint8Array.from(s, (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

async function collect(stream: ReadableStream<Uint8Array>, limit: number): Promise<Uint8Array | null> {
  const reader = stream.getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    parts.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** The fragment value for a lesson's text (without "#lesson="). */
export async function encodeLesson(text: string): Promise<string> {
  const input = new Blob([new TextEncoder().encode(text)]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  const bytes = await collect(input, Number.MAX_SAFE_INTEGER);
  return toBase64Url(bytes as Uint8Array);
}

/** The lesson text a fragment value holds, or the reason it holds none. */
export async function decodeLesson(value: string): Promise<{ ok: true; text: string } | { ok: false; error: string }> {
  const bytes = fromBase64Url(value.trim());
  if (!bytes || !bytes.length) return { ok: false, error: 'The lesson in this link is not readable (not base64url).' };
  try {
    const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
    const out = await collect(stream, MAX_LESSON_BYTES);
    if (!out) return { ok: false, error: `The lesson in this link is larger than ${MAX_LESSON_BYTES / 1024} KB.` };
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(out) };
  } catch {
    return { ok: false, error: 'The lesson in this link is damaged (it does not inflate to text).' };
  }
}

const attribute = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The iframe a course page embeds a lesson with: the whole app at the lesson's `#lesson=` address (a lesson moves
 * between panels and views, so the frame holds the full app, the lesson beside it or, in a narrow frame, one line).
 */
export function lessonSnippet(address: string, title: string, width = 1280, height = 800): string {
  return `<iframe src="${attribute(address)}" width="${width}" height="${height}" style="border:0" title="${attribute(`Subnet Lab: ${title}`)}" loading="lazy"></iframe>`;
}

/** The lesson value of a fragment such as "#lesson=…", or null. */
export function lessonFragment(hash: string): string | null {
  const m = /^#?lesson=(.*)$/.exec(hash);
  return m ? m[1] : null;
}
