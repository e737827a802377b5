/**
 * The theory page's text (docs/THEORY.md, bundled at build time) and its glossary: every "- **term** — definition"
 * line of the Glossary section, by each of its names in lowercase.
 */
import theory from '../../../docs/THEORY.md?raw';

export const THEORY_TEXT: string = theory;

export interface GlossaryEntry {
  names: string[];
  definition: string;
}

export function parseGlossary(text: string): GlossaryEntry[] {
  const at = text.indexOf('\n## Glossary');
  if (at < 0) return [];
  return text
    .slice(at)
    .split('\n')
    .flatMap((line) => {
      const m = /^- ((?:\*\*[^*]+\*\*(?:, )?)+) — (.+)$/.exec(line);
      if (!m) return [];
      return [{ names: [...m[1].matchAll(/\*\*([^*]+)\*\*/g)].map((n) => n[1]), definition: m[2] }];
    });
}

const BY_NAME = new Map<string, GlossaryEntry>();
for (const e of parseGlossary(THEORY_TEXT)) for (const n of e.names) BY_NAME.set(n.toLowerCase(), e);

/** The glossary entry of a term (by any of its names, any case), or undefined. */
export function glossaryEntry(name: string): GlossaryEntry | undefined {
  return BY_NAME.get(name.toLowerCase());
}
