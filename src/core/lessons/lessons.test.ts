// The lesson format: every built-in lesson parses, a few dozen kinds of malformed files (lock and hide among them) are
// refused with the step and the field named, a lesson written back as its file reads the same, goals evaluate with
// every operator, and a lesson survives the trip through a link's fragment.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { LESSON_FORMAT, MAX_LESSON_BYTES, parseLesson, solvedLink } from './format';
import { evaluateGoal, type Goal } from './goals';
import { decodeLesson, encodeLesson, lessonFragment } from './share';
import { lessonText } from './write';

const DIR = path.resolve(__dirname, '../../lessons');
const builtIn = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .map((f) => ({ file: f, text: readFileSync(path.join(DIR, f), 'utf8') }));

const step = (over: Record<string, unknown> = {}) => ({
  title: 'A step',
  text: 'Some *text*.',
  link: 'scheme=dropout&xi=0.5',
  goal: { text: 'Reach it', all: [{ metric: 'err', lt: 0.1 }] },
  solution: '',
  ...over,
});
const lesson = (over: Record<string, unknown> = {}, steps: unknown[] = [step()]) =>
  JSON.stringify({ format: LESSON_FORMAT, id: 'my-lesson', title: 'T', summary: 'S', steps, ...over });

describe('built-in lessons', () => {
  it('there are at least six, each with a unique id', () => {
    const ids = builtIn.map((l) => (parseLesson(l.text) as { lesson: { id: string } }).lesson.id);
    expect(ids.length).toBeGreaterThanOrEqual(6);
    expect(new Set(ids).size).toBe(ids.length);
  });
  for (const { file, text } of builtIn)
    it(`${file} parses, has 4–10 steps, and every goal has a solution`, () => {
      const res = parseLesson(text);
      if (!res.ok) throw new Error(res.error);
      expect(res.lesson.steps.length).toBeGreaterThanOrEqual(4);
      expect(res.lesson.steps.length).toBeLessThanOrEqual(10);
      for (const s of res.lesson.steps) if (s.goal) expect(s.solution).not.toBeNull();
      expect(res.lesson.steps.filter((s) => s.goal).length).toBeGreaterThanOrEqual(3);
    });
});

describe('a lesson written back as its file', () => {
  it('every built-in lesson, and one with every field, round-trips: the same lesson, and the same text again', () => {
    const all = lesson({}, [
      step({
        focus: 'ntk',
        control: 'p',
        lock: ['xi', 'play'],
        hide: ['theory'],
        question: { text: 'q', answer: 'a' },
      }),
      step({
        goal: {
          text: 'g',
          any: [
            { metric: 'err', run: 2, le: 0.1 },
            { config: 'scheme', eq: 'ist' },
          ],
        },
      }),
      step({ goal: undefined, solution: undefined }),
    ]);
    for (const text of [...builtIn.map((l) => l.text), all]) {
      const res = parseLesson(text);
      if (!res.ok) throw new Error(res.error);
      const written = lessonText(res.lesson);
      const again = parseLesson(written);
      if (!again.ok) throw new Error(again.error);
      expect(again.lesson).toEqual(res.lesson);
      expect(lessonText(again.lesson)).toBe(written);
    }
  });
  it('leaves out the fields a step does not use', () => {
    const res = parseLesson(lesson({}, [step({ goal: undefined, solution: undefined })]));
    if (!res.ok) throw new Error(res.error);
    expect(Object.keys(JSON.parse(lessonText(res.lesson)).steps[0])).toEqual(['title', 'text', 'link']);
  });
});

describe('docs/LESSONS.md', () => {
  it('documents a complete lesson that this app reads', () => {
    const doc = readFileSync(path.resolve(__dirname, '../../../docs/LESSONS.md'), 'utf8');
    const example = /## The format[\s\S]*?```json\n([\s\S]*?)```/.exec(doc)?.[1] ?? '';
    const res = parseLesson(example);
    if (!res.ok) throw new Error(res.error);
    expect(res.lesson.steps[0]).toMatchObject({ focus: 'error', solution: 'scheme=ist&p=2' });
  });
});

describe('malformed lesson files are refused with the step and the field named', () => {
  const cases: [string, string, RegExp][] = [
    ['not JSON', '{ "format": ', /not JSON/],
    ['an array', '[]', /one JSON object/],
    ['an unknown format version', lesson({ format: 'subnet-lab-lesson/2' }), /field "format"/],
    ['a bad id', lesson({ id: 'My Lesson!' }), /field "id"/],
    ['no steps', lesson({}, []), /field "steps"/],
    ['a step without text', lesson({}, [step(), step({ text: '' })]), /step 2: "text"/],
    [
      'an unknown metric',
      lesson({}, [step({ goal: { text: 'g', all: [{ metric: 'plateu', lt: 1 }] } })]),
      /step 1, field "goal"\.all\[0\]\.metric: "plateu"/,
    ],
    [
      'a metric of another view',
      lesson({}, [step({ goal: { text: 'g', all: [{ metric: 'phaseDone', eq: 1 }] } })]),
      /measured in the regimes view/,
    ],
    [
      'an unknown configuration key',
      lesson({}, [step({ goal: { text: 'g', all: [{ config: 'width', eq: 1 }] } })]),
      /\.config: "width"/,
    ],
    [
      'two operators',
      lesson({}, [step({ goal: { text: 'g', all: [{ metric: 'err', lt: 1, gt: 0 }] } })]),
      /exactly one of/,
    ],
    [
      'a link that would be corrected',
      lesson({}, [step({ link: 'scheme=dropout&xi=7' })]),
      /step 1, field "link": the link would be corrected/,
    ],
    ['a link with an unknown key', lesson({}, [step({ link: 'scheme=dropout&colour=red' })]), /"colour" is not a key/],
    ['a solution that would be corrected', lesson({}, [step({ solution: 'p=5' })]), /field "solution"/],
    ['a focus that is not a panel', lesson({}, [step({ focus: 'everything' })]), /field "focus"/],
    ['an unknown field', lesson({}, [step({ hint: 'x' })]), /"hint" is not a field/],
    ['a question without an answer', lesson({}, [step({ question: { text: 'why?' } })]), /"answer"/],
    ['too large', lesson({ summary: 'x'.repeat(MAX_LESSON_BYTES) }), /larger than 256 KB/],
    ['a lock that is not a list', lesson({}, [step({ lock: 'xi' })]), /step 1, field "lock": must be a list/],
    [
      'a lock of an unknown control',
      lesson({}, [step(), step({ lock: ['p', 'width'] })]),
      /step 2, field "lock"\[1\]: "width" is not a control the train view can fix \(controls: play, /,
    ],
    ['a lock listed twice', lesson({}, [step({ lock: ['p', 'p'] })]), /step 1, field "lock"\[1\]: "p" is listed twice/],
    [
      'a lock of the step’s own control',
      lesson({}, [step({ control: 'p', lock: ['p'] })]),
      /step 1, field "lock": "p" is the step's control/,
    ],
    [
      'a solution that sets a locked control',
      lesson({}, [step({ lock: ['xi'], solution: 'xi=0.8' })]),
      /step 1, field "solution": it sets "xi", which the step holds fixed \(field "lock"\)/,
    ],
    ['a hide that is not a panel', lesson({}, [step({ hide: [3] })]), /step 1, field "hide"\[0\]: must be a name/],
    [
      'a hide of another view’s panel',
      lesson({}, [step({ hide: ['phase'] })]),
      /step 1, field "hide"\[0\]: "phase" is a panel of the regimes view, not train/,
    ],
    [
      'a hide of the step’s focus',
      lesson({}, [step({ focus: 'ntk', hide: ['ntk'] })]),
      /step 1, field "hide": "ntk" is the step's focus/,
    ],
    [
      'a hide of the panel that holds the step’s control',
      lesson({}, [step({ control: 'p', hide: ['controls'] })]),
      /step 1, field "hide": "controls" holds the step's control "p"/,
    ],
  ];
  for (const [what, text, message] of cases)
    it(what, () => {
      const res = parseLesson(text);
      expect(res.ok).toBe(false);
      if (!res.ok) {
        expect(res.error).toMatch(/^Lesson refused — /);
        expect(res.error).toMatch(message);
      }
    });
  it('a JSON syntax error is named by line and column, with the line', () => {
    const text = '{\n  "format": "subnet-lab-lesson/1",\n  "id": "x"\n  "title": "t"\n}';
    const res = parseLesson(text);
    expect(res.ok).toBe(false);
    if (!res.ok)
      expect(res.error).toMatch(/^Lesson refused — the file is not JSON — line 4, column 3: .*, at ""title": "t""\.$/);
  });
  it('a full address of the app in a link or a solution: its query is taken (without a lesson step’s own keys)', () => {
    const res = parseLesson(
      lesson({}, [
        step({
          link: 'https://example.org/course/subnetlab/?scheme=ist&p=4&lesson=schemes&step=2#lesson=abc',
          solution: 'http://localhost:5173/?scheme=ist&p=8',
        }),
      ]),
    );
    if (!res.ok) throw new Error(res.error);
    expect(res.lesson.steps[0]).toMatchObject({ link: 'scheme=ist&p=4', solution: 'scheme=ist&p=8' });
  });
  it('a full address that is not a link of this app is refused, asking for the query string only', () => {
    for (const [field, value] of [
      ['link', 'https://www.youtube.com/watch?v=abc'],
      ['link', 'https://example.org/course/'],
      ['solution', 'https://example.org/?scheme=dropout&colour=red'],
    ]) {
      const res = parseLesson(lesson({}, [step({ [field]: value })]));
      expect(res.ok).toBe(false);
      if (!res.ok)
        expect(res.error).toMatch(
          new RegExp(`step 1, field "${field}": .*give the query string only, e\\.g\\. "scheme=ist&p=4"\\.$`),
        );
    }
  });
  it('markup in the text is kept as text (the page renders it as text)', () => {
    const res = parseLesson(lesson({}, [step({ text: '<script>alert(1)</script><img src=x onerror=alert(1)>' })]));
    expect(res.ok && res.lesson.steps[0].text).toBe('<script>alert(1)</script><img src=x onerror=alert(1)>');
  });
  it('lock and hide: optional lists of the view’s controls and panels, empty when absent', () => {
    const res = parseLesson(lesson({}, [step({ lock: ['xi', 'play'], hide: ['ntk', 'theory'] }), step()]));
    if (!res.ok) throw new Error(res.error);
    expect(res.lesson.steps[0]).toMatchObject({ lock: ['xi', 'play'], hide: ['ntk', 'theory'] });
    expect(res.lesson.steps[1]).toMatchObject({ lock: [], hide: [] });
    const altmin = parseLesson(
      lesson({}, [step({ link: 'view=altmin', goal: undefined, solution: undefined, lock: ['k'] })]),
    );
    expect(altmin.ok).toBe(true);
  });
  it('a solution is set over the link, key by key', () => {
    expect(solvedLink('scheme=dropout&xi=0.5', 'scheme=ist&p=2')).toBe('scheme=ist&xi=0.5&p=2');
  });
});

describe('goals', () => {
  const goal = (mode: 'all' | 'any'): Goal => ({
    text: 't',
    mode,
    conditions: [
      { metric: 'plateau', run: 1, op: 'lt', value: 0.05 },
      { config: 'xi', run: 1, op: 'eq', value: 0.5 },
      { metric: 'status', run: 2, op: 'eq', value: 'diverged' },
    ],
  });
  const snap = (plateau: number | null, xi: number, status: string) => ({
    view: 'train' as const,
    config: { xi },
    runs: [{ plateau }, { status }],
  });
  it('all: every condition, on the named run; a value not yet measured is not met', () => {
    expect(evaluateGoal(goal('all'), snap(0.04, 0.5, 'diverged')).reached).toBe(true);
    expect(evaluateGoal(goal('all'), snap(0.06, 0.5, 'diverged')).reached).toBe(false);
    expect(evaluateGoal(goal('all'), snap(null, 0.5, 'diverged')).reached).toBe(false);
    expect(evaluateGoal(goal('all'), snap(0.04, 0.5, 'running')).conditions.map((c) => c.met)).toEqual([
      true,
      true,
      false,
    ]);
  });
  it('any: one condition is enough', () => {
    expect(evaluateGoal(goal('any'), snap(0.06, 0.7, 'diverged')).reached).toBe(true);
    expect(evaluateGoal(goal('any'), snap(0.06, 0.7, 'running')).reached).toBe(false);
  });
  it('each operator, with labels in words', () => {
    const at = (op: 'lt' | 'le' | 'gt' | 'ge' | 'eq', v: number) =>
      evaluateGoal(
        { text: '', mode: 'all', conditions: [{ metric: 'err', run: 1, op, value: 1 }] },
        {
          view: 'train',
          config: {},
          runs: [{ err: v }],
        },
      ).reached;
    expect([at('lt', 1), at('le', 1), at('gt', 1), at('ge', 1), at('eq', 1)]).toEqual([false, true, false, true, true]);
    expect([at('lt', 0.5), at('gt', 2), at('eq', 1 + 1e-12), at('lt', NaN)]).toEqual([true, true, true, false]);
  });
});

describe('a lesson in a link', () => {
  it('round-trips through #lesson=', async () => {
    const text = builtIn[0].text;
    const value = await encodeLesson(text);
    expect(value).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(value.length).toBeLessThan(text.length);
    expect(lessonFragment(`#lesson=${value}`)).toBe(value);
    expect(await decodeLesson(value)).toEqual({ ok: true, text });
  });
  it('refuses damaged, non-base64 and oversized fragments in words', async () => {
    expect(await decodeLesson('%%%')).toMatchObject({ ok: false, error: expect.stringMatching(/not readable/) });
    expect(await decodeLesson('AAAA')).toMatchObject({ ok: false, error: expect.stringMatching(/damaged/) });
    const huge = await encodeLesson(' '.repeat(MAX_LESSON_BYTES + 10));
    expect(await decodeLesson(huge)).toMatchObject({ ok: false, error: expect.stringMatching(/larger than/) });
  });
});
