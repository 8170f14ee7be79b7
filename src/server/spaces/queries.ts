import { and, asc, eq } from 'drizzle-orm';
import { dealSpaces, deals, spaces } from '../../../db/schema';
import type { Executor } from '../db';
import { NotFoundError } from '../errors';
import type { ListSpacesInput } from './schemas';

/** The organization's inventory, by name; with a deal, each space's status on it. */
export async function listSpaces(db: Executor, params: ListSpacesInput & { organizationId: string }) {
  const { dealId } = params;
  if (dealId === undefined) {
    const rows = await db
      .select()
      .from(spaces)
      .where(eq(spaces.organizationId, params.organizationId))
      .orderBy(asc(spaces.name), asc(spaces.id));
    return rows.map((space) => ({ ...space, dealStatus: null }));
  }

  const [deal] = await db
    .select({ id: deals.id })
    .from(deals)
    .where(and(eq(deals.id, dealId), eq(deals.organizationId, params.organizationId)));
  if (!deal) throw new NotFoundError('Deal', dealId);
  const rows = await db
    .select({ space: spaces, dealStatus: dealSpaces.status })
    .from(spaces)
    .leftJoin(dealSpaces, and(eq(dealSpaces.spaceId, spaces.id), eq(dealSpaces.dealId, deal.id)))
    .where(eq(spaces.organizationId, params.organizationId))
    .orderBy(asc(spaces.name), asc(spaces.id));
  return rows.map(({ space, dealStatus }) => ({ ...space, dealStatus }));
}
