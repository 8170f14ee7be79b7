import { describe, expect, it } from 'vitest';
import { type ReconcileInput, reconcile } from './reconcile';

const base: ReconcileInput = {
  serverBody: 'A',
  serverRevision: 3,
  baseRevision: 3,
  lastSaved: 'A',
  text: 'A',
};

describe('editor and server agreeing on the body', () => {
  it.each<[string, Partial<ReconcileInput>, ReturnType<typeof reconcile>]>([
    ['keeps going when the server has nothing new', { text: 'A typed' }, { kind: 'keep' }],
    [
      'moves to the new revision when only the status changed (an approval)',
      { serverRevision: 4, text: 'A typed' },
      { kind: 'rebase', revision: 4 },
    ],
    [
      'shows the new body when the agent has nothing unsaved (a regeneration)',
      { serverBody: 'B', serverRevision: 4 },
      { kind: 'take', body: 'B', revision: 4 },
    ],
    [
      'never overwrites unsaved text: a teammate saved another body meanwhile',
      { serverBody: 'B', serverRevision: 4, text: 'A typed' },
      { kind: 'conflict', theirs: 'B', revision: 4 },
    ],
    [
      'needs no choice when both typed the same thing',
      { serverBody: 'A typed', serverRevision: 4, text: 'A typed' },
      { kind: 'rebase', revision: 4 },
    ],
  ])('%s', (_name, change, expected) => {
    expect(reconcile({ ...base, ...change })).toEqual(expected);
  });
});
