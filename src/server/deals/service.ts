import { and, asc, eq, max, ne, sql } from 'drizzle-orm';
import {
  type DealRequirements,
  dealSpaces,
  deals,
  members,
  type RequirementField,
  requirementFields,
  spaces,
} from '../../../db/schema';
import { type Actor, recordAudit } from '../audit';
import { type Executor, type Transaction, withTransaction } from '../db';
import { BadInputError, InvalidTransitionError, NotFoundError, RecordConflictError } from '../errors';
import type {
  AttachSpaceInput,
  CreateDealInput,
  DetachSpaceInput,
  MoveStageInput,
  SetSpaceStatusInput,
  UpdateDealInput,
} from './schemas';

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

/** A change to a deal's spaces is activity on the deal. */
function touchDeal(tx: Transaction, organizationId: string, dealId: number, now: Date) {
  return tx
    .update(deals)
    .set({ lastActivityAt: now, updatedAt: now })
    .where(and(eq(deals.id, dealId), eq(deals.organizationId, organizationId)));
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
    await touchDeal(tx, params.organizationId, params.dealId, now);

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

type Scope = { organizationId: string; actor: Actor };

/** An owner must be a member of the deal's organization (another organization's user is refused). */
export async function assertMember(db: Executor, organizationId: string, userId: string, field = 'ownerId') {
  const [member] = await db
    .select({ id: members.id })
    .from(members)
    .where(and(eq(members.organizationId, organizationId), eq(members.userId, userId)));
  if (!member) throw new BadInputError(`${field}: is not a member of this organization`);
}

/** A deal entered by hand: it starts in `inquiry`, at the bottom of the column. */
export async function createDeal(executor: Executor, params: CreateDealInput & Scope) {
  if (params.ownerId) await assertMember(executor, params.organizationId, params.ownerId);
  // One transaction: the column lock, the deal and its audit event stand or fall together.
  return withTransaction(executor, async (tx) => {
    await lockColumn(tx, params.organizationId, 'inquiry');
    const [last] = await tx
      .select({ position: max(deals.position) })
      .from(deals)
      .where(and(eq(deals.organizationId, params.organizationId), eq(deals.stage, 'inquiry')));
    const [deal] = await tx
      .insert(deals)
      .values({
        organizationId: params.organizationId,
        seekerName: params.seekerName,
        seekerEmail: params.seekerEmail,
        companyName: params.companyName,
        teamSize: params.teamSize,
        monthlyBudget: params.monthlyBudget,
        requirements: params.requirements,
        handEnteredFields: handEnteredFields(params),
        ownerId: params.ownerId ?? null,
        stage: 'inquiry',
        position: (last?.position ?? 0) + POSITION_STEP,
      })
      .returning();
    if (!deal) throw new Error('insert into deals returned no row');
    await recordAudit(tx, {
      organizationId: params.organizationId,
      actor: params.actor,
      action: 'deal.created',
      entityType: 'deal',
      entityId: deal.id,
      details: { companyName: deal.companyName, ownerId: deal.ownerId, via: 'manual' },
    });
    return deal;
  });
}

/**
 * Edits a deal's fields with `UPDATE … WHERE id AND organization AND revision RETURNING`, bumping
 * the revision in the same statement: an edit from a stale revision is a CONFLICT, never a silent
 * overwrite.
 */
/**
 * The requirement fields a broker typed in: emails never overwrite them silently (a differing
 * value from a later email waits in `pendingRequirements` for the broker to accept).
 */
function handEnteredFields(fields: {
  teamSize?: number;
  monthlyBudget?: number;
  requirements?: DealRequirements;
}): RequirementField[] {
  const given = [
    ...(fields.teamSize === undefined ? [] : ['teamSize']),
    ...(fields.monthlyBudget === undefined ? [] : ['monthlyBudget']),
    ...Object.entries(fields.requirements ?? {})
      .filter(([, value]) => value !== undefined)
      .map(([key]) => key),
  ];
  return requirementFields.filter((field) => given.includes(field));
}

export async function updateDeal(executor: Executor, params: UpdateDealInput & Scope) {
  const { id, revision, organizationId, actor, ...fields } = params;
  const values = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
  if (fields.ownerId) await assertMember(executor, organizationId, fields.ownerId);
  // One transaction: the edit and its audit event stand or fall together.
  return withTransaction(executor, async (tx) => {
    const [before] = await tx
      .select()
      .from(deals)
      .where(and(eq(deals.id, id), eq(deals.organizationId, organizationId)));
    if (!before) throw new NotFoundError('Deal', id);
    const now = new Date();
    const [deal] = await tx
      .update(deals)
      .set({
        ...values,
        handEnteredFields: [...new Set([...before.handEnteredFields, ...handEnteredFields(fields)])],
        revision: sql`${deals.revision} + 1`,
        updatedAt: now,
        lastActivityAt: now,
      })
      .where(and(eq(deals.id, id), eq(deals.organizationId, organizationId), eq(deals.revision, revision)))
      .returning();
    if (!deal) throw new RecordConflictError('deal', before.revision);

    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const field of Object.keys(values) as Array<keyof typeof deal>) {
      if (JSON.stringify(before[field]) !== JSON.stringify(deal[field]))
        changes[field] = { from: before[field], to: deal[field] };
    }
    await recordAudit(tx, {
      organizationId,
      actor,
      action: changes.ownerId && Object.keys(changes).length === 1 ? 'deal.owner_changed' : 'deal.updated',
      entityType: 'deal',
      entityId: id,
      details: { revision: deal.revision, changes },
    });
    return deal;
  });
}

async function findDealAndSpace(
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
    .select({ id: spaces.id, name: spaces.name, archivedAt: spaces.archivedAt })
    .from(spaces)
    .where(and(eq(spaces.id, params.spaceId), eq(spaces.organizationId, params.organizationId)));
  if (!space) throw new NotFoundError('Space', params.spaceId);
  return { deal, space };
}

/** Puts a space on a deal (as `shown` unless told), or changes its status when it is already there. */
export async function attachSpace(executor: Executor, params: AttachSpaceInput & Scope) {
  // One transaction: the link, the deal's activity time and the audit event stand or fall together.
  return withTransaction(executor, async (tx) => {
    const { space } = await findDealAndSpace(tx, params);
    const [existing] = await tx
      .select({ id: dealSpaces.id, status: dealSpaces.status })
      .from(dealSpaces)
      .where(and(eq(dealSpaces.dealId, params.dealId), eq(dealSpaces.spaceId, params.spaceId)));
    if (existing) {
      if (!params.status || params.status === existing.status)
        return { dealId: params.dealId, spaceId: params.spaceId, status: existing.status, attached: false };
      return {
        ...(await setDealSpaceStatus(tx, { ...params, status: params.status })),
        attached: false,
      };
    }
    if (space.archivedAt)
      throw new InvalidTransitionError(`${space.name} is archived; restore it to show it on a deal`);
    const status = params.status ?? 'shown';
    const now = new Date();
    await tx.insert(dealSpaces).values({
      organizationId: params.organizationId,
      dealId: params.dealId,
      spaceId: params.spaceId,
      status,
    });
    await touchDeal(tx, params.organizationId, params.dealId, now);
    await recordAudit(tx, {
      organizationId: params.organizationId,
      actor: params.actor,
      action: 'deal.space_attached',
      entityType: 'deal',
      entityId: params.dealId,
      details: { spaceId: params.spaceId, spaceName: space.name, status },
    });
    return { dealId: params.dealId, spaceId: params.spaceId, status, attached: true };
  });
}

/** Takes a space off a deal; one that is not on it is NOT_FOUND. */
export async function detachSpace(executor: Executor, params: DetachSpaceInput & Scope) {
  // One transaction: the removal and its audit event stand or fall together.
  return withTransaction(executor, async (tx) => {
    const { space } = await findDealAndSpace(tx, params);
    const [removed] = await tx
      .delete(dealSpaces)
      .where(
        and(
          eq(dealSpaces.dealId, params.dealId),
          eq(dealSpaces.spaceId, params.spaceId),
          eq(dealSpaces.organizationId, params.organizationId),
        ),
      )
      .returning({ status: dealSpaces.status });
    if (!removed) throw new NotFoundError('Space on deal', `${params.dealId}/${params.spaceId}`);
    const now = new Date();
    await touchDeal(tx, params.organizationId, params.dealId, now);
    await recordAudit(tx, {
      organizationId: params.organizationId,
      actor: params.actor,
      action: 'deal.space_detached',
      entityType: 'deal',
      entityId: params.dealId,
      details: { spaceId: params.spaceId, spaceName: space.name, status: removed.status },
    });
    return { dealId: params.dealId, spaceId: params.spaceId, detached: true };
  });
}
