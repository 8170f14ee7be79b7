import { describe, expect, it } from 'vitest';
import {
  markStale,
  nothingStale,
  parseStreamEvent,
  pollingInterval,
  reconnectDelay,
  titleWithCount,
} from './live-events';

describe('markStale', () => {
  it.each([
    [
      { kind: 'draft.created', draftId: 4, dealId: 9, status: 'pending' },
      { lists: true, drafts: [4], deals: [9], presence: [] },
    ],
    [
      { kind: 'draft.updated', draftId: 4, dealId: 9, status: 'sent' },
      { lists: true, drafts: [4], deals: [9], presence: [] },
    ],
    [
      { kind: 'email.created', count: 3 },
      { lists: true, drafts: [], deals: [], presence: [] },
    ],
    [
      { kind: 'presence', draftId: 4 },
      { lists: false, drafts: [], deals: [], presence: [4] },
    ],
  ] as const)('%o makes the right queries stale', (event, expected) => {
    const stale = markStale(nothingStale(), event);
    expect({
      lists: stale.lists,
      drafts: [...stale.drafts],
      deals: [...stale.deals],
      presence: [...stale.presence],
    }).toEqual(expected);
    expect(stale.all).toBe(false);
  });

  it('gathers a burst into one set of invalidations', () => {
    const stale = nothingStale();
    for (const draftId of [1, 2, 1, 3])
      markStale(stale, { kind: 'draft.updated', draftId, dealId: 7, status: 'archived' });
    expect([...stale.drafts]).toEqual([1, 2, 3]);
    expect([...stale.deals]).toEqual([7]);
  });

  it('refetches everything after a resync', () => {
    expect(markStale(nothingStale(), { kind: 'resync' }).all).toBe(true);
  });
});

describe('parseStreamEvent', () => {
  it.each([
    ['{"kind":"presence","draftId":1}', { kind: 'presence', draftId: 1 }],
    ['{"kind":"resync"}', { kind: 'resync' }],
    ['{"kind":"something.new"}', null],
    ['null', null],
    ['"draft.updated"', null],
    ['not json', null],
    ['', null],
  ])('%s → %o', (data, expected) => {
    expect(parseStreamEvent(data)).toEqual(expected);
  });
});

describe('titleWithCount', () => {
  it.each([
    ['Inbox · Echo', 3, '(3) Inbox · Echo'],
    ['(3) Inbox · Echo', 4, '(4) Inbox · Echo'],
    ['(12) Board · Echo', 0, 'Board · Echo'],
    ['Echo', null, 'Echo'],
  ])('%s with %s → %s', (title, pending, expected) => {
    expect(titleWithCount(title, pending)).toBe(expected);
  });
});

describe('polling', () => {
  it('polls at its own pace while the stream is down and slowly while it is up', () => {
    expect(pollingInterval(false, 10_000)).toBe(10_000);
    expect(pollingInterval(true, 10_000)).toBe(60_000);
    expect(pollingInterval(true, 120_000)).toBe(120_000);
  });

  it('backs off reconnecting up to 30 seconds', () => {
    expect([0, 1, 2, 5, 10].map(reconnectDelay)).toEqual([1_000, 2_000, 4_000, 30_000, 30_000]);
  });
});
