import { and, eq, sql } from 'drizzle-orm';
import { styleObservations } from '../../../db/schema';
import { type Actor, recordAudit } from '../audit';
import { type Executor, type Transaction, withTransaction } from '../db';
import { NotFoundError } from '../errors';
import type { StyleObservation } from './style';

/** Adds one to each observation's count (a new row at 1); called inside the send transaction. */
export async function recordStyleObservations(
  tx: Transaction,
  params: { organizationId: string; observations: StyleObservation[]; now: Date },
) {
  if (params.observations.length === 0) return;
  await tx
    .insert(styleObservations)
    .values(
      params.observations.map((observation) => ({
        organizationId: params.organizationId,
        kind: observation.kind,
        phrase: observation.phrase.slice(0, 500),
        lastSeenAt: params.now,
      })),
    )
    .onConflictDoUpdate({
      target: [styleObservations.organizationId, styleObservations.kind, styleObservations.phrase],
      set: { count: sql`${styleObservations.count} + 1`, lastSeenAt: params.now },
    });
}

/**
 * An admin removes a learned item: the drafters stop using it. The row stays (and keeps counting),
 * so the same habit does not come back on the next send.
 */
export async function removeStyleItem(
  executor: Executor,
  params: { id: number; organizationId: string; actor: Actor },
) {
  // The removal and its audit event stand or fall together.
  return withTransaction(executor, async (tx) => {
    const [row] = await tx
      .update(styleObservations)
      .set({ isRemoved: true, removedBy: params.actor.id })
      .where(
        and(eq(styleObservations.id, params.id), eq(styleObservations.organizationId, params.organizationId)),
      )
      .returning();
    if (!row) throw new NotFoundError('Style item', params.id);
    await recordAudit(tx, {
      organizationId: params.organizationId,
      actor: params.actor,
      action: 'style.removed',
      entityType: 'organization',
      entityId: params.organizationId,
      details: { styleItemId: row.id, kind: row.kind, phrase: row.phrase },
    });
    return { id: row.id, kind: row.kind, phrase: row.phrase, count: row.count, isRemoved: row.isRemoved };
  });
}
