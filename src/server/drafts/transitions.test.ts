import { describe, expect, it } from 'vitest';
import { draftStatuses } from '../../../db/schema';
import { InvalidTransitionError } from '../errors';
import {
  assertTransition,
  canTransition,
  type DraftAction,
  describeRefusal,
  draftTransitions,
} from './transitions';

const allowed: Record<DraftAction, string[]> = {
  edit: ['pending', 'approved'],
  regenerate: ['pending', 'approved'],
  switchVersion: ['pending', 'approved'],
  approve: ['pending'],
  send: ['approved'],
  undoSend: ['sent'],
  retryDelivery: ['sent'],
  archive: ['pending', 'approved', 'sent'],
  restore: ['archived'],
  requestOverride: ['pending'],
};

describe('draftTransitions', () => {
  for (const action of Object.keys(draftTransitions) as DraftAction[]) {
    for (const status of draftStatuses) {
      const isAllowed = allowed[action].includes(status);
      it(`${isAllowed ? 'allows' : 'refuses'} ${action} from ${status}`, () => {
        expect(canTransition(action, status)).toBe(isAllowed);
        if (isAllowed) expect(() => assertTransition(action, status)).not.toThrow();
        else expect(() => assertTransition(action, status)).toThrow(InvalidTransitionError);
      });
    }
  }

  it('says what state the draft is in and what that state allows', () => {
    expect(describeRefusal('edit', 'sent')).toBe(
      'Cannot edit a draft that is sent: only a pending or approved draft allows it. ' +
        'A sent draft allows: undoSend, retryDelivery, archive.',
    );
    expect(describeRefusal('send', 'archived')).toContain('An archived draft allows: restore.');
  });

  it('never lets a sent draft be edited, regenerated or switched', () => {
    for (const action of ['edit', 'regenerate', 'switchVersion'] as const) {
      expect(canTransition(action, 'sent')).toBe(false);
    }
  });
});
