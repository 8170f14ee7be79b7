import { eq, isNull } from 'drizzle-orm';
import { emailDrafts } from '../../../db/schema';
import { recordAudit, userActor } from '../audit';
import { type Executor, withTransaction } from '../db';
import { ForbiddenError, InvalidTransitionError } from '../errors';
import type { Member } from '../viewer';
import { requestOverridePermission } from './permissions';
import type { RequestOverrideInput } from './schemas';
import { findDraft, updateDraft } from './service';

/**
 * An agent on a failed draft asks a manager to look at it ("Ask a manager"): stored on the draft
 * row, so it shows in the managers' Attention view (and the row's change reaches them live).
 * The manager's approval with an override, or a new version, clears it.
 */
export async function requestOverride(
  executor: Executor,
  params: RequestOverrideInput & { actor: Member; now?: Date },
) {
  const { actor } = params;
  const now = params.now ?? new Date();
  const draft = await findDraft(executor, actor.organizationId, params.id);
  const permission = requestOverridePermission(draft, actor.role);
  if (!permission.allowed) {
    const reason = permission.reason ?? 'A manager cannot be asked about this draft.';
    const isRoleOnly = actor.role !== 'agent' && requestOverridePermission(draft, 'agent').allowed;
    throw isRoleOnly ? new ForbiddenError(reason) : new InvalidTransitionError(reason);
  }
  // The request and its audit event stand or fall together.
  return withTransaction(executor, async (tx) => {
    const updated = await updateDraft(
      tx,
      { organizationId: actor.organizationId, id: draft.id, action: 'requestOverride', now },
      { attentionRequestedAt: now, attentionRequestedBy: actor.userId, attentionNote: params.note },
      // Still failed and not yet asked: a concurrent override or second request wins, this one is a CONFLICT.
      [eq(emailDrafts.validationStatus, 'failed'), isNull(emailDrafts.attentionRequestedAt)],
    );
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actor: userActor(actor.userId),
      action: 'draft.override_requested',
      entityType: 'draft',
      entityId: draft.id,
      details: {
        note: params.note,
        revision: updated.revision,
        issues: draft.validation?.issues.length ?? 0,
      },
    });
    return {
      id: updated.id,
      revision: updated.revision,
      attentionRequestedAt: updated.attentionRequestedAt,
      attentionNote: updated.attentionNote,
    };
  });
}
