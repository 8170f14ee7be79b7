import { describe, expect, it } from 'vitest';
import type { DraftStatus, ValidationStatus } from '../../../db/schema';
import type { Role } from '../auth';
import { assignPermission, draftPermissions, requestOverridePermission } from './permissions';

const can = (status: DraftStatus, role: Role = 'agent', validation: ValidationStatus = 'passed') =>
  draftPermissions({ status, validationStatus: validation }, role);

describe('what the viewer may do with a draft', () => {
  it.each<[string, ReturnType<typeof can>, keyof ReturnType<typeof can>, boolean, RegExp | null]>([
    ['an agent approves a pending draft that passed', can('pending'), 'approve', true, null],
    [
      'an agent approves a pending draft with warnings',
      can('pending', 'agent', 'warnings'),
      'approve',
      true,
      null,
    ],
    [
      'an agent may not approve a failed draft, and is told to ask a manager',
      can('pending', 'agent', 'failed'),
      'approve',
      false,
      /manager/,
    ],
    [
      'a manager approves a failed draft (with an override)',
      can('pending', 'manager', 'failed'),
      'approve',
      true,
      null,
    ],
    [
      'an admin approves a failed draft (with an override)',
      can('pending', 'admin', 'failed'),
      'approve',
      true,
      null,
    ],
    ['an approved draft is not approved twice', can('approved'), 'approve', false, /Already approved/],
    ['a pending draft is not sent before approval', can('pending'), 'send', false, /Approve the draft/],
    ['an approved draft is sent', can('approved'), 'send', true, null],
    ['a sent draft is not sent again', can('sent'), 'send', false, /Already sent/],
    ['a sent draft is not edited', can('sent'), 'edit', false, /sent/],
    ['an archived draft is not edited', can('archived'), 'edit', false, /restore/],
    ['an archived draft is not regenerated', can('archived'), 'regenerate', false, /restore/],
    ['an approved draft may be edited (back to pending)', can('approved'), 'edit', true, null],
    ['a sent draft may be archived', can('sent'), 'archive', true, null],
    ['an archived draft is not archived again', can('archived'), 'archive', false, /Already archived/],
    ['only an archived draft is restored', can('pending'), 'restore', false, /archived/],
    ['an archived draft is restored', can('archived'), 'restore', true, null],
    ['a sent draft can be undone', can('sent'), 'undoSend', true, null],
    ['a pending draft has no send to undo', can('pending'), 'undoSend', false, /Cannot undo/],
  ])('%s', (_name, permissions, action, allowed, reason) => {
    expect(permissions[action].allowed).toBe(allowed);
    if (reason) expect(permissions[action].reason).toMatch(reason);
    else expect(permissions[action].reason).toBeNull();
  });

  it('asks for an override only from a manager on a failed draft', () => {
    expect(can('pending', 'manager', 'failed').approve.needsOverride).toBe(true);
    expect(can('pending', 'manager', 'passed').approve.needsOverride).toBe(false);
    expect(can('pending', 'agent', 'failed').approve.needsOverride).toBe(false);
  });

  it('asks to confirm a send only when validation did not pass', () => {
    expect(can('approved', 'agent', 'warnings').send.needsConfirm).toBe(true);
    expect(can('approved', 'agent', 'passed').send.needsConfirm).toBe(false);
    expect(can('pending', 'agent', 'warnings').send.needsConfirm).toBe(false);
  });
});

describe('who may assign a draft (set its deal’s owner)', () => {
  it.each<[string, Role, string | null, { allowed: boolean; onlySelf: boolean }]>([
    ['a manager, anyone’s', 'manager', 'user_b', { allowed: true, onlySelf: false }],
    ['an admin, an unowned one', 'admin', null, { allowed: true, onlySelf: false }],
    ['an agent, an unowned one (for themselves)', 'agent', null, { allowed: true, onlySelf: true }],
    ['an agent, their own', 'agent', 'user_a', { allowed: true, onlySelf: true }],
    ['an agent, a colleague’s', 'agent', 'user_b', { allowed: false, onlySelf: true }],
  ])('%s', (_name, role, ownerId, expected) => {
    const got = assignPermission({ role, userId: 'user_a' }, ownerId);
    expect({ allowed: got.allowed, onlySelf: got.onlySelf }).toEqual(expected);
    expect(got.reason === null).toBe(expected.allowed);
  });
});

describe('who may ask a manager', () => {
  it.each<[string, DraftStatus, ValidationStatus, Role, Date | null, RegExp | null]>([
    ['an agent on a pending failed draft', 'pending', 'failed', 'agent', null, null],
    ['not twice', 'pending', 'failed', 'agent', new Date(), /already been asked/],
    ['not on a draft that passed', 'pending', 'passed', 'agent', null, /failed validation/],
    ['not on an approved draft', 'approved', 'failed', 'agent', null, /only a pending draft/],
    ['not on a sent draft', 'sent', 'failed', 'agent', null, /was sent/],
    ['not a manager, who overrides', 'pending', 'failed', 'manager', null, /yourself/],
  ])('%s', (_name, status, validationStatus, role, attentionRequestedAt, refusal) => {
    const got = requestOverridePermission({ status, validationStatus, attentionRequestedAt }, role);
    expect(got.allowed).toBe(refusal === null);
    if (refusal) expect(got.reason).toMatch(refusal);
  });
});
