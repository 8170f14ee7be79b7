import { describe, expect, it } from 'vitest';
import { type DiffPart, diffStats, diffWords } from './diff';

function rebuild(parts: DiffPart[]) {
  return {
    before: parts
      .filter((part) => part.kind !== 'insert')
      .map((part) => part.text)
      .join(''),
    after: parts
      .filter((part) => part.kind !== 'delete')
      .map((part) => part.text)
      .join(''),
  };
}

const short = (parts: DiffPart[]) =>
  parts.map((part) => `${{ equal: '=', insert: '+', delete: '-' }[part.kind]}${part.text}`);

describe('version diff', () => {
  it.each<[string, string, string, string[]]>([
    [
      'shows nothing changed for identical bodies',
      'Hi Priya,\nSee you Tuesday.',
      'Hi Priya,\nSee you Tuesday.',
      ['=Hi Priya,\nSee you Tuesday.'],
    ],
    ['shows a whole body added to an empty one', '', 'Hello there', ['+Hello there']],
    ['shows a whole body removed', 'Hello there', '', ['-Hello there']],
    [
      'replaces a single word',
      'Parking is $150/month.',
      'Parking is $275/month.',
      ['=Parking is ', '-$150/month.', '+$275/month.'],
    ],
    [
      'keeps the words around an insertion',
      'We could tour Tuesday at 2pm.',
      'We could tour Tuesday or Wednesday at 2pm.',
      ['=We could tour Tuesday ', '+or Wednesday ', '=at 2pm.'],
    ],
    ['treats a newline change as a change', 'Best,\nAlex', 'Best, Alex', ['=Best,', '-\n', '+ ', '=Alex']],
    [
      'compares unicode words whole',
      'Dogs 🐶 welcome',
      'Dogs 🐕 welcome',
      ['=Dogs ', '-🐶', '+🐕', '= welcome'],
    ],
  ])('%s', (_name, before, after, expected) => {
    const parts = diffWords(before, after);
    expect(short(parts)).toEqual(expected);
    expect(rebuild(parts)).toEqual({ before, after });
  });

  it('rebuilds both sides of a reordering', () => {
    const before = 'one two three four five';
    const after = 'five one three two four';
    expect(rebuild(diffWords(before, after))).toEqual({ before, after });
  });

  it('finds a small change precisely inside a huge body', () => {
    const lines = Array.from(
      { length: 4000 },
      (_, index) => `Line ${index} of a very long reply about parking.\n`,
    );
    const before = lines.join('');
    const changed = [...lines];
    changed[10] = 'Line 10 of a very short reply about parking.\n';
    const after = changed.join('');
    const parts = diffWords(before, after);
    expect(rebuild(parts)).toEqual({ before, after });
    expect(parts.filter((part) => part.kind !== 'equal')).toEqual([
      { kind: 'delete', text: 'long' },
      { kind: 'insert', text: 'short' },
    ]);
  });

  it('still rebuilds both sides of two huge, wholly different bodies', () => {
    const before = Array.from({ length: 3000 }, (_, index) => `alpha${index}`).join(' ');
    const after = Array.from({ length: 3000 }, (_, index) => `beta${index}`).join('\n');
    expect(rebuild(diffWords(before, after))).toEqual({ before, after });
  });

  it('counts the words added and removed', () => {
    expect(diffStats(diffWords('Parking is $150/month.', 'Parking is $275 per month.'))).toEqual({
      added: 3,
      removed: 1,
    });
  });
});
