import { describe, expect, it } from 'vitest';
import { canApprove, canEdit, canRestore, canSend, type DraftState, type Role } from './draft-rules';

const draft = (
  status: DraftState['status'],
  validationStatus: DraftState['validationStatus'] = 'passed',
) => ({
  status,
  validationStatus,
});

describe('what the review pane allows', () => {
  it.each<[string, DraftState, Role, boolean, boolean, RegExp | null]>([
    ['lets an agent approve a pending draft that passed', draft('pending'), 'agent', true, false, null],
    [
      'lets an agent approve a pending draft with warnings',
      draft('pending', 'warnings'),
      'agent',
      true,
      false,
      null,
    ],
    [
      'refuses an agent a failed draft and says why',
      draft('pending', 'failed'),
      'agent',
      false,
      false,
      /manager/,
    ],
    [
      'lets a manager approve a failed draft with an override',
      draft('pending', 'failed'),
      'manager',
      true,
      true,
      null,
    ],
    ['lets an admin override too', draft('pending', 'failed'), 'admin', true, true, null],
    ['does not approve twice', draft('approved'), 'manager', false, false, /Already approved/],
    ['does not approve a sent draft', draft('sent'), 'agent', false, false, /sent/],
    ['does not approve an archived draft', draft('archived'), 'agent', false, false, /restore/],
  ])('%s', (_name, state, role, allowed, needsOverride, reason) => {
    const result = canApprove(state, role);
    expect(result.allowed).toBe(allowed);
    expect(result.needsOverride).toBe(needsOverride);
    if (reason) expect(result.reason).toMatch(reason);
    else expect(result.reason).toBeNull();
  });

  it.each<[string, DraftState, boolean, boolean]>([
    ['sends only an approved draft', draft('approved'), true, false],
    ['asks for a confirmation when validation warned', draft('approved', 'warnings'), true, true],
    ['asks for a confirmation after an override', draft('approved', 'failed'), true, true],
    ['refuses a pending draft', draft('pending'), false, false],
    ['refuses a sent draft', draft('sent'), false, false],
  ])('%s', (_name, state, allowed, needsConfirm) => {
    expect(canSend(state)).toMatchObject({ allowed, needsConfirm });
  });

  it('locks the body of sent and archived drafts only', () => {
    expect(canEdit(draft('pending')).allowed).toBe(true);
    expect(canEdit(draft('approved')).allowed).toBe(true);
    expect(canEdit(draft('sent')).allowed).toBe(false);
    expect(canEdit(draft('archived')).allowed).toBe(false);
  });

  it('restores only archived drafts', () => {
    expect(canRestore(draft('archived')).allowed).toBe(true);
    expect(canRestore(draft('pending')).allowed).toBe(false);
  });
});
