import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { deals, emailDrafts } from '../../../db/schema';
import { type AuditEntry, recordAudits, userActor } from '../audit';
import { type Executor, withTransaction } from '../db';
import { assertMember } from '../deals/service';
import { ForbiddenError, NotFoundError } from '../errors';
import type { Member } from '../viewer';
import { assignPermission } from './permissions';
import type { ArchiveDraftsInput, AssignDraftsInput } from './schemas';
import { archiveDraft } from './service';

/** The selected drafts of the organization, locked; any id it does not hold is NOT_FOUND, like a missing one. */
async function selectedDrafts(executor: Executor, organizationId: string, ids: readonly number[]) {
  const rows = await executor
    .select({ id: emailDrafts.id, dealId: emailDrafts.dealId, status: emailDrafts.status })
    .from(emailDrafts)
    .where(and(eq(emailDrafts.organizationId, organizationId), inArray(emailDrafts.id, [...ids])))
    .orderBy(asc(emailDrafts.id))
    .for('update');
  const missing = ids.find((id) => !rows.some((row) => row.id === id));
  if (missing !== undefined) throw new NotFoundError('Draft', missing);
  return rows;
}

/**
 * Assigns drafts by setting their deals' owner: a draft's assignee IS its deal's owner, so every
 * draft of a deal (and the board's card) follows, and "Mine" is one join. Managers and admins
 * assign to any member; an agent may only take unowned deals (or let go of their own).
 */
export async function assignDrafts(
  executor: Executor,
  params: AssignDraftsInput & { actor: Member; now?: Date },
) {
  const { actor, ids, userId } = params;
  const now = params.now ?? new Date();
  if (userId !== null) await assertMember(executor, actor.organizationId, userId, 'userId');
  // One transaction: every deal's new owner and the audit events of each deal and draft stand or fall together.
  return withTransaction(executor, async (tx) => {
    const drafts = await selectedDrafts(tx, actor.organizationId, ids);
    const dealIds = [...new Set(drafts.map((draft) => draft.dealId))];
    // Locked in id order, so two bulk assigns over overlapping deals wait for each other instead of deadlocking.
    const dealRows = await tx
      .select({
        id: deals.id,
        ownerId: deals.ownerId,
        companyName: deals.companyName,
        revision: deals.revision,
      })
      .from(deals)
      .where(and(eq(deals.organizationId, actor.organizationId), inArray(deals.id, dealIds)))
      .orderBy(asc(deals.id))
      .for('update');

    for (const deal of dealRows) {
      const permission = assignPermission(actor, deal.ownerId);
      if (!permission.allowed) throw new ForbiddenError(`${deal.companyName}: ${permission.reason}`);
      const isLettingGo = userId === null && deal.ownerId === actor.userId;
      if (permission.onlySelf && userId !== actor.userId && !isLettingGo)
        throw new ForbiddenError(
          'An agent can assign drafts only to themselves; a manager assigns them to others.',
        );
    }

    const changing = dealRows.filter((deal) => deal.ownerId !== userId);
    if (changing.length > 0) {
      await tx
        .update(deals)
        .set({ ownerId: userId, revision: sql`${deals.revision} + 1`, updatedAt: now })
        .where(
          and(
            eq(deals.organizationId, actor.organizationId),
            inArray(
              deals.id,
              changing.map((deal) => deal.id),
            ),
          ),
        );
      // The drafts follow their deal's owner: touching them lets the live triggers on email_drafts tell every open inbox.
      await tx
        .update(emailDrafts)
        .set({ updatedAt: now })
        .where(
          and(
            eq(emailDrafts.organizationId, actor.organizationId),
            inArray(
              emailDrafts.dealId,
              changing.map((deal) => deal.id),
            ),
          ),
        );
    }
    const previousOwner = new Map(dealRows.map((deal) => [deal.id, deal.ownerId]));
    const reassigned = drafts.filter((draft) => previousOwner.get(draft.dealId) !== userId);
    const base = { organizationId: actor.organizationId, actor: userActor(actor.userId) };
    await recordAudits(tx, [
      ...changing.map(
        (deal): AuditEntry => ({
          ...base,
          action: 'deal.owner_changed',
          entityType: 'deal',
          entityId: deal.id,
          details: {
            revision: deal.revision + 1,
            changes: { ownerId: { from: deal.ownerId, to: userId } },
            via: 'drafts.assign',
          },
        }),
      ),
      ...reassigned.map(
        (draft): AuditEntry => ({
          ...base,
          action: 'draft.assigned',
          entityType: 'draft',
          entityId: draft.id,
          details: { dealId: draft.dealId, from: previousOwner.get(draft.dealId) ?? null, to: userId },
        }),
      ),
    ]);
    return {
      items: drafts.map((draft) => ({ id: draft.id, dealId: draft.dealId, assigneeId: userId })),
      changed: reassigned.length,
    };
  });
}

/**
 * Archives a selection: each draft as `drafts.archive` would (its own audit event), all or none.
 * Drafts already archived are skipped, so a repeated click changes nothing.
 */
export async function archiveDrafts(
  executor: Executor,
  params: ArchiveDraftsInput & { actor: Member; now?: Date },
) {
  const now = params.now ?? new Date();
  // One transaction: half an archived selection would leave the queue in a state nobody chose.
  return withTransaction(executor, async (tx) => {
    const drafts = await selectedDrafts(tx, params.actor.organizationId, params.ids);
    const archived: number[] = [];
    for (const draft of drafts) {
      if (draft.status === 'archived') continue;
      const row = await archiveDraft(tx, { id: draft.id, reason: params.reason, actor: params.actor, now });
      archived.push(row.id);
    }
    return {
      archived,
      skipped: drafts.filter((draft) => !archived.includes(draft.id)).map((draft) => draft.id),
    };
  });
}
