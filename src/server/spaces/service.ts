import { and, eq, isNotNull, isNull, type SQL, sql } from 'drizzle-orm';
import type { PgUpdateSetSource } from 'drizzle-orm/pg-core';
import { spaces } from '../../../db/schema';
import { type Actor, recordAudit } from '../audit';
import { type Executor, type Transaction, withTransaction } from '../db';
import { ConflictError, RecordConflictError } from '../errors';
import { getSpace, type SpaceRow } from './queries';
import type { SpaceFields, UpdateSpaceInput } from './schemas';

type Scope = { organizationId: string; actor: Actor };

/** Postgres refused a duplicate key (drizzle wraps the driver's error in its own). */
export function isUniqueViolation(error: unknown): boolean {
  for (let cause = error; cause && typeof cause === 'object'; cause = (cause as { cause?: unknown }).cause) {
    if ((cause as { code?: unknown }).code === '23505') return true;
  }
  return false;
}

function duplicateReference(reference: string | null | undefined) {
  return new ConflictError(`reference: another space already uses the reference “${reference ?? ''}”`);
}

/** The columns a space's fields fill; nested groups are stored as given. */
export function spaceColumns(fields: SpaceFields) {
  return {
    reference: fields.reference ?? null,
    name: fields.name,
    address: fields.address,
    neighborhood: fields.neighborhood ?? null,
    hostCompany: fields.hostCompany,
    hostEmail: fields.hostEmail,
    hostContext: fields.hostContext ?? null,
    monthlyRate: fields.monthlyRate,
    desks: fields.desks ?? null,
    squareFeet: fields.squareFeet ?? null,
    availableFrom: fields.availableFrom ?? null,
    amenities: fields.amenities,
    availability: fields.availability,
    detailedAmenities: fields.detailedAmenities,
  };
}

export async function createSpace(executor: Executor, params: SpaceFields & Scope) {
  try {
    // One transaction: the space and its audit event stand or fall together.
    return await withTransaction(executor, async (tx) => {
      const [space] = await tx
        .insert(spaces)
        .values({ ...spaceColumns(params), organizationId: params.organizationId })
        .returning();
      if (!space) throw new Error('insert into spaces returned no row');
      await recordAudit(tx, {
        organizationId: params.organizationId,
        actor: params.actor,
        action: 'space.created',
        entityType: 'space',
        entityId: space.id,
        details: { name: space.name, reference: space.reference },
      });
      return space;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateReference(params.reference);
    throw error;
  }
}

/** A conditional update touched nothing: the space is not ours (NOT_FOUND) or its revision moved on. */
async function explainMiss(
  db: Executor,
  params: { organizationId: string; id: number; revision?: number },
): Promise<never> {
  const space = await getSpace(db, params);
  throw new RecordConflictError('space', space.revision);
}

/**
 * The one way a space changes: `UPDATE … WHERE id AND organization [AND revision] RETURNING`,
 * bumping the revision in the same statement, so of two writers from one revision only one wins.
 */
async function updateSpaceRow(
  tx: Transaction,
  params: { organizationId: string; id: number; revision?: number },
  values: PgUpdateSetSource<typeof spaces>,
  extra: SQL[] = [],
): Promise<SpaceRow> {
  const conditions = [eq(spaces.id, params.id), eq(spaces.organizationId, params.organizationId), ...extra];
  if (params.revision !== undefined) conditions.push(eq(spaces.revision, params.revision));
  const [row] = await tx
    .update(spaces)
    .set({ ...values, revision: sql`${spaces.revision} + 1`, updatedAt: new Date() })
    .where(and(...conditions))
    .returning();
  if (!row) return explainMiss(tx, params);
  return row;
}

/** Which fields differ, for the audit event: old and new value of each. */
function changesBetween(before: SpaceRow, after: SpaceRow, fields: string[]) {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const field of fields) {
    const from = before[field as keyof SpaceRow];
    const to = after[field as keyof SpaceRow];
    if (JSON.stringify(from) !== JSON.stringify(to)) changes[field] = { from, to };
  }
  return changes;
}

export async function updateSpace(executor: Executor, params: UpdateSpaceInput & Scope) {
  const { id, revision, organizationId, actor, ...fields } = params;
  const values = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
  try {
    // One transaction: the edit and its audit event stand or fall together.
    return await withTransaction(executor, async (tx) => {
      const before = await getSpace(tx, { organizationId, id });
      const space = await updateSpaceRow(tx, { organizationId, id, revision }, values);
      await recordAudit(tx, {
        organizationId,
        actor,
        action: 'space.updated',
        entityType: 'space',
        entityId: id,
        details: { revision: space.revision, changes: changesBetween(before, space, Object.keys(values)) },
      });
      return space;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateReference(fields.reference);
    throw error;
  }
}

/** Archived spaces stay on the deals that had them but are never suggested; archiving twice is a no-op. */
export async function archiveSpace(executor: Executor, params: { id: number } & Scope) {
  return setArchived(executor, params, true);
}

export async function restoreSpace(executor: Executor, params: { id: number } & Scope) {
  return setArchived(executor, params, false);
}

async function setArchived(executor: Executor, params: { id: number } & Scope, archive: boolean) {
  // One transaction: the archive state and its audit event stand or fall together.
  return withTransaction(executor, async (tx) => {
    const current = await getSpace(tx, params);
    if ((current.archivedAt !== null) === archive) return current;
    const space = await updateSpaceRow(
      tx,
      { organizationId: params.organizationId, id: params.id },
      { archivedAt: archive ? new Date() : null },
      [archive ? isNull(spaces.archivedAt) : isNotNull(spaces.archivedAt)],
    );
    await recordAudit(tx, {
      organizationId: params.organizationId,
      actor: params.actor,
      action: archive ? 'space.archived' : 'space.restored',
      entityType: 'space',
      entityId: space.id,
      details: { name: space.name },
    });
    return space;
  });
}
