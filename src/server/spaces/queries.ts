import { and, asc, desc, eq, ilike, isNull, or, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { dealSpaces, deals, spaces } from '../../../db/schema';
import { cursorId, decodeCursor, encodeCursor } from '../../lib/cursor';
import type { Executor } from '../db';
import { BadInputError, NotFoundError } from '../errors';
import type { ListSpacesInput, SpaceSort } from './schemas';

export type SpaceRow = typeof spaces.$inferSelect;

/** One space of the organization with every field and its revision; another organization's is NOT_FOUND. */
export async function getSpace(db: Executor, params: { organizationId: string; id: number }) {
  const [space] = await db
    .select()
    .from(spaces)
    .where(and(eq(spaces.id, params.id), eq(spaces.organizationId, params.organizationId)));
  if (!space) throw new NotFoundError('Space', params.id);
  return space;
}

/**
 * The sort keys and their keyset: each is matched by an index on (organization_id, key, id), so a
 * page is one index range scan however deep the cursor (desks and square feet sort a missing value as -1
 * for the same reason).
 */
const sortKeys = {
  name: sql`${spaces.name}`,
  monthlyRate: sql`${spaces.monthlyRate}`,
  desks: sql`coalesce(${spaces.desks}, -1)`,
  squareFeet: sql`coalesce(${spaces.squareFeet}, -1)`,
} satisfies Record<SpaceSort, SQL>;

type CursorValue = { k: string | number; id: number };

function readCursor(cursor: string, sort: SpaceSort): CursorValue {
  const key = sort === 'name' ? z.string().max(1000) : z.number().int().min(-1).max(Number.MAX_SAFE_INTEGER);
  const value = decodeCursor(cursor, z.object({ k: key, id: cursorId }));
  if (value) return value;
  throw new BadInputError('cursor: is not a cursor from this list');
}

function keyOf(space: SpaceRow, sort: SpaceSort): string | number {
  if (sort === 'desks') return space.desks ?? -1;
  if (sort === 'squareFeet') return space.squareFeet ?? -1;
  return space[sort];
}

/** Escapes LIKE wildcards so a search for "50%" means the text. */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The organization's inventory, filtered and sorted, one page at a time (keyset on the sort key and
 * id). With a deal, each space says how it stands on that deal (null when not linked).
 */
export async function listSpaces(db: Executor, params: ListSpacesInput & { organizationId: string }) {
  const { organizationId, sort, order: direction, limit } = params;
  if (params.dealId !== undefined) {
    const [deal] = await db
      .select({ id: deals.id })
      .from(deals)
      .where(and(eq(deals.id, params.dealId), eq(deals.organizationId, organizationId)));
    if (!deal) throw new NotFoundError('Deal', params.dealId);
  }

  const conditions: SQL[] = [eq(spaces.organizationId, organizationId)];
  if (!params.includeArchived) conditions.push(isNull(spaces.archivedAt));
  if (params.query) {
    const pattern = likePattern(params.query);
    conditions.push(or(ilike(spaces.name, pattern), ilike(spaces.address, pattern)) as SQL);
  }
  if (params.neighborhood)
    conditions.push(sql`lower(${spaces.neighborhood}) = lower(${params.neighborhood})`);
  if (params.minDesks !== undefined) conditions.push(sql`${spaces.desks} >= ${params.minDesks}`);
  if (params.maxRate !== undefined) conditions.push(sql`${spaces.monthlyRate} <= ${params.maxRate}`);
  if (params.amenities?.length) {
    const wanted = Object.fromEntries(params.amenities.map((key) => [key, true]));
    conditions.push(sql`${spaces.amenities} @> ${JSON.stringify(wanted)}::jsonb`);
  }

  const key = sortKeys[sort];
  if (params.cursor) {
    const cursor = readCursor(params.cursor, sort);
    const keyValue = sql`${cursor.k}`;
    conditions.push(
      direction === 'asc'
        ? sql`(${key}, ${spaces.id}) > (${keyValue}, ${cursor.id})`
        : sql`(${key}, ${spaces.id}) < (${keyValue}, ${cursor.id})`,
    );
  }
  const order = direction === 'asc' ? [asc(key), asc(spaces.id)] : [desc(key), desc(spaces.id)];

  const rows = await db
    .select({ space: spaces, dealStatus: params.dealId === undefined ? sql<null>`null` : dealSpaces.status })
    .from(spaces)
    .leftJoin(
      dealSpaces,
      params.dealId === undefined
        ? sql`false`
        : and(eq(dealSpaces.spaceId, spaces.id), eq(dealSpaces.dealId, params.dealId)),
    )
    .where(and(...conditions))
    .orderBy(...order)
    .limit(limit + 1);

  const page = rows.slice(0, limit).map(({ space, dealStatus }) => ({ ...space, dealStatus }));
  const last = page.at(-1);
  return {
    items: page,
    nextCursor: rows.length > limit && last ? encodeCursor({ k: keyOf(last, sort), id: last.id }) : null,
  };
}

/** The neighbourhoods the inventory uses, for the list's filter. */
export async function listNeighborhoods(db: Executor, params: { organizationId: string }) {
  const rows = await db
    .selectDistinct({ neighborhood: spaces.neighborhood })
    .from(spaces)
    .where(and(eq(spaces.organizationId, params.organizationId), sql`${spaces.neighborhood} is not null`))
    .orderBy(asc(spaces.neighborhood));
  return rows.flatMap((row) => (row.neighborhood ? [row.neighborhood] : []));
}

/** Every space of the organization (archived too, so an export re-imports whole), by reference. */
export async function allSpaces(db: Executor, params: { organizationId: string }) {
  return db
    .select()
    .from(spaces)
    .where(eq(spaces.organizationId, params.organizationId))
    .orderBy(asc(spaces.name), asc(spaces.id));
}
