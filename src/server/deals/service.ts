import { and, asc, eq, ne, sql } from 'drizzle-orm';
import { dealSpaces, deals, spaces } from '../../../db/schema';
import { type Actor, recordAudit } from '../audit';
import { type Executor, type Transaction, withTransaction } from '../db';
import { NotFoundError } from '../errors';
import type { MoveStageInput, SetSpaceStatusInput } from './schemas';

/** Room left between neighbours when a card lands at an end or a column is renumbered. */
export const POSITION_STEP = 1024;
/** Below this gap two doubles stop splitting cleanly; the column is renumbered instead. */
const MIN_GAP = 1e-6;

/**
 * Where a card goes between its new neighbours: the midpoint, or a step past the end. `null` when
 * the neighbours are too close to split, which asks for the column to be renumbered.
 */
export function positionBetween(before: number | undefined, after: number | undefined): number | null {
  if (before === undefined && after === undefined) return POSITION_STEP;
  if (before === undefined && after !== undefined) return after - POSITION_STEP;
  if (after === undefined && before !== undefined) return before + POSITION_STEP;
  if (before === undefined || after === undefined) return null;
  if (after - before < MIN_GAP) return null;
  const middle = before + (after - before) / 2;
  return middle > before && middle < after ? middle : null;
}

/** Every move into one column takes the same lock, so two managers never read the same neighbours. */
async function lockColumn(tx: Transaction, organizationId: string, stage: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`deals-column:${organizationId}:${stage}`}))`);
}

/**
 * Moves a deal to `stage` at index `position` (the end when absent), writing the deal's stage and
 * fractional position and an audit event. Renumbers the column when the neighbours are too close.
 */
export async function moveDealStage(
  executor: Executor,
  params: MoveStageInput & { organizationId: string; actor: Actor },
) {
  // One transaction: the column lock, the new position and its audit event stand or fall together.
  return withTransaction(executor, async (tx) => {
    await lockColumn(tx, params.organizationId, params.stage);
    const [current] = await tx
      .select({ id: deals.id, stage: deals.stage, position: deals.position })
      .from(deals)
      .where(and(eq(deals.id, params.id), eq(deals.organizationId, params.organizationId)))
      .for('update');
    if (!current) throw new NotFoundError('Deal', params.id);

    const column = await tx
      .select({ id: deals.id, position: deals.position })
      .from(deals)
      .where(
        and(
          eq(deals.organizationId, params.organizationId),
          eq(deals.stage, params.stage),
          ne(deals.id, params.id),
        ),
      )
      .orderBy(asc(deals.position), asc(deals.id));
    const index = Math.min(params.position ?? column.length, column.length);

    let position = positionBetween(column[index - 1]?.position, column[index]?.position);
    let renumbered = false;
    if (position === null) {
      const order = [
        ...column.slice(0, index).map((d) => d.id),
        params.id,
        ...column.slice(index).map((d) => d.id),
      ];
      await tx.execute(sql`
        update ${deals} set position = renumbered.rank * ${POSITION_STEP}
        from (select unnest(array[${sql.join(
          order.map((id) => sql`${id}`),
          sql`, `,
        )}]::bigint[]) as id,
                     generate_series(1, ${order.length}) as rank) as renumbered
        where ${deals.id} = renumbered.id and ${deals.organizationId} = ${params.organizationId}`);
      position = (index + 1) * POSITION_STEP;
      renumbered = true;
    }

    const isStageChange = current.stage !== params.stage;
    const now = new Date();
    const [moved] = await tx
      .update(deals)
      .set({
        stage: params.stage,
        position,
        updatedAt: now,
        ...(isStageChange ? { stageChangedAt: now, lastActivityAt: now } : {}),
      })
      .where(and(eq(deals.id, params.id), eq(deals.organizationId, params.organizationId)))
      .returning({
        id: deals.id,
        stage: deals.stage,
        position: deals.position,
        stageChangedAt: deals.stageChangedAt,
      });
    if (!moved) throw new NotFoundError('Deal', params.id);

    await recordAudit(tx, {
      organizationId: params.organizationId,
      actor: params.actor,
      action: isStageChange ? 'deal.stage_moved' : 'deal.reordered',
      entityType: 'deal',
      entityId: params.id,
      details: {
        from: current.stage,
        to: params.stage,
        index,
        position,
        previousPosition: current.position,
        ...(renumbered ? { renumbered: true } : {}),
      },
    });
    return { ...moved, index };
  });
}

/** Changes how a space stands on a deal (shown → interested → touring → selected, or rejected). */
export async function setDealSpaceStatus(
  executor: Executor,
  params: SetSpaceStatusInput & { organizationId: string; actor: Actor },
) {
  // One transaction: the status and its audit event are written together.
  return withTransaction(executor, async (tx) => {
    const [link] = await tx
      .select({ id: dealSpaces.id, status: dealSpaces.status, spaceName: spaces.name })
      .from(dealSpaces)
      .innerJoin(spaces, eq(spaces.id, dealSpaces.spaceId))
      .where(
        and(
          eq(dealSpaces.dealId, params.dealId),
          eq(dealSpaces.spaceId, params.spaceId),
          eq(dealSpaces.organizationId, params.organizationId),
        ),
      )
      .for('update', { of: dealSpaces });
    if (!link) throw new NotFoundError('Space on deal', `${params.dealId}/${params.spaceId}`);
    if (link.status === params.status)
      return { dealId: params.dealId, spaceId: params.spaceId, status: link.status };

    const now = new Date();
    const [updated] = await tx
      .update(dealSpaces)
      .set({ status: params.status, updatedAt: now })
      .where(and(eq(dealSpaces.id, link.id), eq(dealSpaces.status, link.status)))
      .returning({ status: dealSpaces.status });
    if (!updated) throw new NotFoundError('Space on deal', `${params.dealId}/${params.spaceId}`);
    await tx
      .update(deals)
      .set({ lastActivityAt: now, updatedAt: now })
      .where(and(eq(deals.id, params.dealId), eq(deals.organizationId, params.organizationId)));

    await recordAudit(tx, {
      organizationId: params.organizationId,
      actor: params.actor,
      action: 'deal.space_status_changed',
      entityType: 'deal',
      entityId: params.dealId,
      details: { spaceId: params.spaceId, spaceName: link.spaceName, from: link.status, to: params.status },
    });
    return { dealId: params.dealId, spaceId: params.spaceId, status: updated.status };
  });
}
