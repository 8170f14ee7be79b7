import { and, eq, isNull, sql } from 'drizzle-orm';
import { dealSpaceDismissals, dealSpaces, deals, spaces } from '../../../../db/schema';
import { type Actor, recordAudit } from '../../audit';
import { type Executor, type Transaction, withTransaction } from '../../db';
import { NotFoundError } from '../../errors';

async function lockedDealAndSpace(
  tx: Transaction,
  params: { organizationId: string; dealId: number; spaceId: number },
) {
  const [deal] = await tx
    .select({ id: deals.id })
    .from(deals)
    .where(and(eq(deals.id, params.dealId), eq(deals.organizationId, params.organizationId)))
    .for('update');
  if (!deal) throw new NotFoundError('Deal', params.dealId);
  const [space] = await tx
    .select({ id: spaces.id, name: spaces.name })
    .from(spaces)
    .where(
      and(
        eq(spaces.id, params.spaceId),
        eq(spaces.organizationId, params.organizationId),
        isNull(spaces.archivedAt),
      ),
    );
  if (!space) throw new NotFoundError('Space', params.spaceId);
  return { deal, space };
}

/**
 * "Keep": a suggested space goes onto the deal as `shown`. Keeping one already on the deal changes
 * nothing (the link keeps its status), so a double click is harmless.
 */
export async function keepSuggestion(
  executor: Executor,
  params: { organizationId: string; dealId: number; spaceId: number; actor: Actor; reason?: string },
) {
  // One transaction: the link, the deal's activity and the audit event land together.
  return withTransaction(executor, async (tx) => {
    const { space } = await lockedDealAndSpace(tx, params);
    const [link] = await tx
      .insert(dealSpaces)
      .values({
        organizationId: params.organizationId,
        dealId: params.dealId,
        spaceId: params.spaceId,
        status: 'shown',
      })
      .onConflictDoNothing({ target: [dealSpaces.dealId, dealSpaces.spaceId] })
      .returning({ id: dealSpaces.id, status: dealSpaces.status });
    if (!link) {
      const [existing] = await tx
        .select({ id: dealSpaces.id, status: dealSpaces.status })
        .from(dealSpaces)
        .where(and(eq(dealSpaces.dealId, params.dealId), eq(dealSpaces.spaceId, params.spaceId)));
      if (!existing) throw new NotFoundError('Space on deal', `${params.dealId}/${params.spaceId}`);
      return { dealId: params.dealId, spaceId: params.spaceId, status: existing.status, isCreated: false };
    }
    await tx
      .update(deals)
      .set({ lastActivityAt: sql`now()`, updatedAt: sql`now()` })
      .where(and(eq(deals.id, params.dealId), eq(deals.organizationId, params.organizationId)));
    await recordAudit(tx, {
      organizationId: params.organizationId,
      actor: params.actor,
      action: 'deal.space_attached',
      entityType: 'deal_space',
      entityId: link.id,
      details: {
        dealId: params.dealId,
        spaceId: params.spaceId,
        spaceName: space.name,
        status: 'shown',
        from: params.reason ?? 'suggestion kept',
      },
    });
    return { dealId: params.dealId, spaceId: params.spaceId, status: link.status, isCreated: true };
  });
}

/** "Dismiss": the space is never suggested to this deal again. */
export async function dismissSuggestion(
  executor: Executor,
  params: { organizationId: string; dealId: number; spaceId: number; actor: Actor },
) {
  // One transaction: the remembered dismissal and its audit event.
  return withTransaction(executor, async (tx) => {
    const { space } = await lockedDealAndSpace(tx, params);
    const [row] = await tx
      .insert(dealSpaceDismissals)
      .values({
        organizationId: params.organizationId,
        dealId: params.dealId,
        spaceId: params.spaceId,
        dismissedBy: params.actor.id,
      })
      .onConflictDoNothing({ target: [dealSpaceDismissals.dealId, dealSpaceDismissals.spaceId] })
      .returning({ id: dealSpaceDismissals.id });
    if (row) {
      await recordAudit(tx, {
        organizationId: params.organizationId,
        actor: params.actor,
        action: 'deal.suggestion_dismissed',
        entityType: 'deal',
        entityId: params.dealId,
        details: { spaceId: params.spaceId, spaceName: space.name },
      });
    }
    return { dealId: params.dealId, spaceId: params.spaceId, isDismissed: true };
  });
}
