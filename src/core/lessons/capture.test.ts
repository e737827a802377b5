// What the editor captures: a link with only the keys that differ from the defaults (opening the same settings, and
// keeping a choice such as IST's p = 4), and a solution of the fewest keys over a step's link, in the step's view.
import { describe, expect, it } from 'vitest';

import { linkProblems, linkQuery, readLink } from '../link';
import { minimalQuery, sameSettings, solutionFrom } from './capture';
import { solvedLink } from './format';

/** The app's full link for a configuration, as the address bar has it. */
const full = (q: string) => linkQuery({ ...readLink(q), backend: 'wasm', presenting: false, embed: null });

describe('a step’s link', () => {
  it('keeps only the keys that differ from the defaults, and opens the same settings', () => {
    for (const [q, want] of [
      ['scheme=ist&p=4&m=256', 'scheme=ist&m=256&p=4'],
      ['scheme=gd', 'scheme=gd'],
      ['scheme=msdropout&p=4&speed=10', 'scheme=msdropout&p=4&speed=10'],
      ['view=regimes&ns=8,16', 'view=regimes&ns=8,16'],
      ['view=altmin&n=200', 'view=altmin&n=200'],
      ['', ''],
    ]) {
      const link = minimalQuery(full(q));
      expect(link).toBe(want);
      expect(linkProblems(link)).toEqual([]);
      expect(full(link)).toBe(full(q));
    }
  });
});

describe('a solution from the current settings', () => {
  it('the keys that changed over the step’s link, the pace left out', () => {
    expect(solutionFrom('scheme=dropout&xi=0.5&m=256', full('scheme=msdropout&p=4&m=256&speed=10'))).toBe(
      'scheme=msdropout&p=4',
    );
    expect(solutionFrom('scheme=msdropout&p=4&m=256', full('scheme=ist&p=4&m=256'))).toBe('scheme=ist');
    expect(solutionFrom('scheme=dropout&m=256', full('scheme=dropout&m=256'))).toBe('');
    const link = 'scheme=dropout&m=256&compare=gd';
    const solution = solutionFrom(link, full('scheme=dropout&m=256')) as string;
    expect(readLink(solvedLink(link, solution)).compare).toEqual([]);
  });
  it('the same settings: whatever the spelling and the pace', () => {
    expect(sameSettings('scheme=ist&p=4&speed=10', full('scheme=ist&xi=0.25&p=4'))).toBe(true);
    expect(sameSettings('scheme=ist&p=4', 'scheme=ist&p=8')).toBe(false);
  });
  it('none from another view', () => {
    expect(solutionFrom('scheme=dropout', full('view=altmin'))).toBeNull();
  });
});
