import { describe, expect, it } from 'vitest';
import { actionScore, highlightParts, matchActions, type PaletteAction } from './actions';

const action = (label: string, extra: Partial<PaletteAction> = {}): PaletteAction => ({
  id: label,
  group: 'Test',
  label,
  run: () => {},
  ...extra,
});

describe('matchActions', () => {
  const actions = [
    action('Approve', { shortcut: 'a' }),
    action('Send', { keywords: 'deliver reply' }),
    action('Go to Board', { keywords: 'pipeline deals' }),
    action('Go to Spaces'),
    action('Regenerate', { withText: (text) => `Regenerate with “${text}”` }),
  ];
  const labels = (query: string) => matchActions(actions, query).map((entry) => entry.shownLabel);

  it.each([
    ['', ['Approve', 'Send', 'Go to Board', 'Go to Spaces']],
    ['appr', ['Approve', 'Regenerate with “appr”']],
    ['go', ['Go to Board', 'Go to Spaces', 'Regenerate with “go”']],
    ['pipeline', ['Go to Board', 'Regenerate with “pipeline”']],
    ['spa', ['Go to Spaces', 'Regenerate with “spa”']],
    ['BOARD', ['Go to Board', 'Regenerate with “BOARD”']],
    ['zzz', ['Regenerate with “zzz”']],
    ['   ', ['Approve', 'Send', 'Go to Board', 'Go to Spaces']],
  ])('lists %j as %j', (query, expected) => {
    expect(labels(query)).toEqual(expected);
  });

  it('prefers a label that starts with the text over a keyword match', () => {
    expect(actionScore(action('Send'), 'se')).toBeGreaterThan(
      actionScore(action('Go', { keywords: 'send' }), 'se'),
    );
  });
});

describe('highlightParts', () => {
  it.each([
    ['a corgi here', [{ start: 2, end: 7 }], ['a ', '[corgi]', ' here']],
    ['corgi', [{ start: 0, end: 5 }], ['[corgi]']],
    ['no match', [], ['no match']],
    ['ab', [{ start: 1, end: 9 }], ['a', '[b]']],
    [
      'overlap test',
      [
        { start: 0, end: 4 },
        { start: 2, end: 7 },
      ],
      ['[over]', '[lap]', ' test'],
    ],
    ['<b>x</b>', [{ start: 3, end: 4 }], ['<b>', '[x]', '</b>']],
  ])('splits %j', (text, highlights, expected) => {
    expect(
      highlightParts(text, highlights).map((part) => (part.isMatch ? `[${part.text}]` : part.text)),
    ).toEqual(expected);
  });
});
