import type { DraftStatus, ValidationStatus } from '../../../db/schema';
import type { Role } from '../auth';
import { hasRole } from '../viewer';
import { canTransition, type DraftAction, describeRefusal } from './transitions';

/** One thing the viewer may or may not do now, and in words why not. */
export type Permission = { allowed: boolean; reason: string | null };

/**
 * What the viewer may do with a draft, derived from the transition table and the override rule,
 * so the review pane renders buttons without keeping its own copy of the state machine.
 */
export type DraftCan = {
  edit: Permission;
  regenerate: Permission;
  switchVersion: Permission;
  approve: Permission & { needsOverride: boolean };
  send: Permission & { needsConfirm: boolean };
  archive: Permission;
  restore: Permission;
  undoSend: Permission;
  retryDelivery: Permission;
  /** Set the deal's owner (the draft's assignee); `onlySelf`: an agent may take it, not hand it out. */
  assign: Permission & { onlySelf: boolean };
  /** An agent's "Ask a manager" on a failed draft. */
  requestOverride: Permission;
};

const allow: Permission = { allowed: true, reason: null };
const deny = (reason: string): Permission => ({ allowed: false, reason });

/** The refusal an agent reads: short for the common cases, the table's wording otherwise. */
function refusal(action: DraftAction, status: DraftStatus): string {
  if (status === 'sent' && action !== 'archive')
    return 'This draft was sent; a sent email cannot be changed.';
  if (status === 'archived') return 'This draft is archived; restore it to work on it.';
  if (action === 'approve' && status === 'approved') return 'Already approved: it is ready to send.';
  if (action === 'send' && status === 'pending') return 'Approve the draft before sending it.';
  if (action === 'restore') return 'Only an archived draft can be restored.';
  return describeRefusal(action, status);
}

const permit = (action: DraftAction, status: DraftStatus): Permission =>
  canTransition(action, status) ? allow : deny(refusal(action, status));

/**
 * Who may set a deal's owner (and so every draft on it): managers and admins give it to any
 * member; an agent may only take an unowned deal, or let go of their own. Reassigning a
 * colleague's deal is the manager's call.
 */
export function assignPermission(
  actor: { role: Role; userId: string },
  currentOwnerId: string | null,
): DraftCan['assign'] {
  if (hasRole(actor, 'manager')) return { ...allow, onlySelf: false };
  if (currentOwnerId === null || currentOwnerId === actor.userId) return { ...allow, onlySelf: true };
  return {
    ...deny('Assigned to a colleague: ask a manager to reassign it.'),
    onlySelf: true,
  };
}

/** Whether an actor may ask a manager to override: an agent, on a pending draft that failed, once. */
export function requestOverridePermission(
  draft: { status: DraftStatus; validationStatus: ValidationStatus; attentionRequestedAt?: Date | null },
  role: Role,
): Permission {
  if (!canTransition('requestOverride', draft.status)) return deny(refusal('requestOverride', draft.status));
  if (draft.validationStatus !== 'failed')
    return deny('Only a draft that failed validation needs a manager’s override.');
  if (role !== 'agent') return deny('You can approve it with an override yourself.');
  if (draft.attentionRequestedAt) return deny('A manager has already been asked.');
  return allow;
}

export function draftPermissions(
  draft: { status: DraftStatus; validationStatus: ValidationStatus; attentionRequestedAt?: Date | null },
  role: Role,
  ownership: { viewerId: string; ownerId: string | null } = { viewerId: '', ownerId: null },
): DraftCan {
  const { status, validationStatus } = draft;
  const isFailed = validationStatus === 'failed';
  let approve: DraftCan['approve'] = { ...permit('approve', status), needsOverride: false };
  if (approve.allowed && isFailed) {
    approve =
      role === 'agent'
        ? {
            ...deny(
              'Validation failed: fix the flagged claims, or ask a manager to approve with an override.',
            ),
            needsOverride: false,
          }
        : { ...allow, needsOverride: true };
  }
  const send = permit('send', status);
  return {
    edit: permit('edit', status),
    regenerate: permit('regenerate', status),
    switchVersion: permit('switchVersion', status),
    approve,
    send: {
      ...(status === 'sent' ? deny('Already sent.') : send),
      needsConfirm: send.allowed && validationStatus !== 'passed',
    },
    archive: status === 'archived' ? deny('Already archived.') : permit('archive', status),
    restore: permit('restore', status),
    undoSend: permit('undoSend', status),
    retryDelivery: permit('retryDelivery', status),
    assign: assignPermission({ role, userId: ownership.viewerId }, ownership.ownerId),
    requestOverride: requestOverridePermission(draft, role),
  };
}
