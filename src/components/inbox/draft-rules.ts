/** What the review pane lets the viewer do with a draft now, and why not when it cannot. */

export type Role = 'agent' | 'manager' | 'admin';
export type DraftStatus = 'pending' | 'approved' | 'sent' | 'archived';
export type ValidationStatus = 'passed' | 'warnings' | 'failed';

export type DraftState = { status: DraftStatus; validationStatus: ValidationStatus };

export type Permission = { allowed: boolean; reason: string | null };

const allow: Permission = { allowed: true, reason: null };
const deny = (reason: string): Permission => ({ allowed: false, reason });

export function canEdit(draft: DraftState): Permission {
  if (draft.status === 'sent') return deny('This draft was sent; a sent email cannot be changed.');
  if (draft.status === 'archived') return deny('This draft is archived; restore it to work on it.');
  return allow;
}

export const canRegenerate = canEdit;

export function canApprove(draft: DraftState, role: Role): Permission & { needsOverride: boolean } {
  const base = { needsOverride: false };
  if (draft.status === 'approved') return { ...base, ...deny('Already approved: it is ready to send.') };
  if (draft.status !== 'pending') return { ...base, ...canEdit(draft) };
  if (draft.validationStatus === 'failed') {
    if (role === 'agent')
      return {
        ...base,
        ...deny('Validation failed: fix the flagged claims, or ask a manager to approve with an override.'),
      };
    return { ...allow, needsOverride: true };
  }
  return { ...allow, ...base };
}

export function canSend(draft: DraftState): Permission & { needsConfirm: boolean } {
  if (draft.status === 'sent') return { ...deny('Already sent.'), needsConfirm: false };
  if (draft.status === 'archived')
    return { ...deny('This draft is archived; restore it to work on it.'), needsConfirm: false };
  if (draft.status !== 'approved')
    return { ...deny('Approve the draft before sending it.'), needsConfirm: false };
  return { ...allow, needsConfirm: draft.validationStatus !== 'passed' };
}

export function canArchive(draft: DraftState): Permission {
  return draft.status === 'archived' ? deny('Already archived.') : allow;
}

export function canRestore(draft: DraftState): Permission {
  return draft.status === 'archived' ? allow : deny('Only an archived draft can be restored.');
}

/** Delivery states that will still change on their own: keep polling while the email is in one. */
export function isDeliveryInFlight(status: string | null | undefined) {
  return status === 'queued' || status === 'sent' || status === 'delayed';
}
