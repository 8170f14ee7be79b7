import { describe, expect, it } from 'vitest';
import { describeActor, describeEvent } from './history';

const event = (action: string, details: Record<string, unknown> = {}) => ({
  action,
  actorType: 'user',
  actorName: null,
  details,
});

describe('describeEvent', () => {
  it.each([
    [event('deal.stage_moved', { from: 'inquiry', to: 'touring' }), 'Moved from Inquiry to Touring'],
    [event('deal.reordered', { to: 'closed' }), 'Reordered in Closed'],
    [
      event('deal.space_status_changed', { spaceName: 'Mission Loft', from: 'shown', to: 'touring' }),
      'Mission Loft: shown → touring',
    ],
    [event('draft.archived', { reason: 'Found a space' }), 'Draft archived: “Found a space”'],
    [event('email.received', {}), 'Email received'],
    [event('something.new_here'), 'something new here'],
  ])('describes %o', (input, expected) => {
    expect(describeEvent(input)).toBe(expected);
  });

  it('names the actor, the AI or the system', () => {
    expect(describeActor({ ...event('x'), actorName: 'Morgan' })).toBe('Morgan');
    expect(describeActor({ ...event('x'), actorType: 'ai' })).toBe('Echo AI');
    expect(describeActor({ ...event('x'), actorType: 'system' })).toBe('System');
  });
});
