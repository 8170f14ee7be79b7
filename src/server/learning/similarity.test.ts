import { describe, expect, it } from 'vitest';
import { compareBodies, normaliseBody, wordEditDistance, wordRuns } from './similarity';

const SIGNATURE = 'Best,\nAlex Rivera\nTandem';
const DRAFT = `Hi Priya,\n\nMission Loft has garage parking at $275/month and dogs are welcome.\n\n${SIGNATURE}`;

describe('normaliseBody', () => {
  it.each([
    ['collapses whitespace', 'Hi  there,\n\n\tthanks ', {}, 'Hi there, thanks'],
    ['straightens typographic quotes', 'It\u2019s \u201Cgreat\u201D', {}, `It's "great"`],
    ['drops quoted lines', 'Sure.\n> Is parking included?\n> Thanks', {}, 'Sure.'],
    [
      'drops the quoted history after "On … wrote:"',
      'Yes.\n\nOn Tue, Dec 1, Priya wrote:\nIs it?',
      {},
      'Yes.',
    ],
    ['drops a "-- " signature block', 'Yes.\n-- \nAlex', {}, 'Yes.'],
    ['drops the given signature', `Yes.\n\n${SIGNATURE}`, { signature: SIGNATURE }, 'Yes.'],
    ['keeps unicode words', 'Café für Zoë 🐕', {}, 'Café für Zoë 🐕'],
    ['is empty for an empty body', '', {}, ''],
    ['treats CRLF like LF', 'a\r\n> quoted\r\nb', {}, 'a b'],
  ])('%s', (_name, body, options, expected) => {
    expect(normaliseBody(body, options)).toBe(expected);
  });
});

describe('wordEditDistance', () => {
  it.each([
    [[], [], 0],
    [['a'], [], 1],
    [[], ['a', 'b'], 2],
    [['a', 'b', 'c'], ['a', 'b', 'c'], 0],
    [['a', 'b', 'c'], ['a', 'x', 'c'], 1],
    [['a', 'b', 'c'], ['a', 'c'], 1],
    [['a', 'b', 'c'], ['x', 'y', 'z'], 3],
    [['kitten', 'sat'], ['sitting', 'sat', 'down'], 2],
  ])('%j → %j is %i', (a, b, expected) => {
    expect(wordEditDistance(a, b)).toBe(expected);
  });

  it('handles huge bodies without the full table', () => {
    const a = Array.from({ length: 5000 }, (_, i) => `w${i}`);
    const b = [...a.slice(0, 2500), 'inserted', ...a.slice(2500)].reverse();
    const started = performance.now();
    const distance = wordEditDistance(a, b);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(distance).toBeGreaterThan(0);
    expect(distance).toBeLessThanOrEqual(5001);
  });
});

describe('compareBodies', () => {
  it.each([
    ['identical bodies', DRAFT, DRAFT, 1, true],
    [
      'only whitespace, quotes and signature differ',
      DRAFT,
      `Hi Priya,\nMission Loft has garage parking at $275/month  and dogs are welcome.\n\n${SIGNATURE}\n\nOn Mon, Priya wrote:\n> hello`,
      1,
      true,
    ],
    ['both empty', '', '', 1, true],
    ['one word changed of thirteen', DRAFT, DRAFT.replace('$275/month', '$300/month'), 0.923, false],
    [
      'a sentence added',
      DRAFT,
      DRAFT.replace('welcome.', 'welcome. Visitors park free on weekends.'),
      0.722,
      false,
    ],
    ['rewritten completely', DRAFT, 'Call me tomorrow about the lease terms please.', 0, false],
    ['everything deleted', DRAFT, '', 0, false],
  ])('%s', (_name, draft, sent, similarity, isUnedited) => {
    const result = compareBodies(draft, sent, { signature: SIGNATURE });
    expect(result.similarity).toBeCloseTo(similarity, 3);
    expect(result.isUnedited).toBe(isUnedited);
  });

  it('stays between 0 and 1', () => {
    const result = compareBodies('a b', 'c d e f g h');
    expect(result.similarity).toBe(0);
    expect(result.editDistance).toBe(6);
  });
});

describe('wordRuns', () => {
  it('finds the phrases deleted and added', () => {
    const draft = 'Hi Priya, I hope this finds you well. Parking is $275/month. Let me know.'.split(' ');
    const sent = 'Hi Priya, Parking is $275/month. Happy to set up a tour. Let me know.'.split(' ');
    expect(wordRuns(draft, sent)).toEqual({
      deleted: ['I hope this finds you well.'],
      added: ['Happy to set up a tour.'],
    });
  });

  it('reports nothing for identical bodies', () => {
    expect(wordRuns(['a', 'b'], ['a', 'b'])).toEqual({ deleted: [], added: [] });
  });
});
