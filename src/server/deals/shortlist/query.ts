import { and, eq, sql } from 'drizzle-orm';
import { deals, organizationSettings, spaces } from '../../../../db/schema';
import type { Executor } from '../../db';
import { NotFoundError } from '../../errors';
import { budgetCeiling, isFitting, mustHavesOf, reasonsFor, type ShortlistAsk } from './reasons';

export const SHORTLIST_SIZE = 8;

type SpaceRow = typeof spaces.$inferSelect;

/** The deal's asks as the shortlist reads them. */
export async function loadShortlistAsk(
  db: Executor,
  params: { organizationId: string; dealId: number },
): Promise<ShortlistAsk> {
  const [row] = await db
    .select({
      teamSize: deals.teamSize,
      monthlyBudget: deals.monthlyBudget,
      requirements: deals.requirements,
      tolerancePercent: organizationSettings.budgetTolerancePercent,
    })
    .from(deals)
    .leftJoin(organizationSettings, eq(organizationSettings.organizationId, deals.organizationId))
    .where(and(eq(deals.id, params.dealId), eq(deals.organizationId, params.organizationId)));
  if (!row) throw new NotFoundError('Deal', params.dealId);
  return {
    teamSize: row.teamSize,
    monthlyBudget: row.monthlyBudget,
    requirements: row.requirements,
    tolerancePercent: row.tolerancePercent ?? 10,
  };
}

/**
 * The ranked shortlist for a deal, computed in PostgreSQL: the fitting spaces (every hard
 * constraint, as index conditions on the live inventory) by their soft score, then, only when
 * fewer fit than asked for, the near misses by how few constraints they break. Archived spaces,
 * other organizations' spaces, spaces already on the deal and dismissed ones never come back.
 */
export async function suggestSpaces(
  db: Executor,
  params: { organizationId: string; dealId: number; limit?: number; ask?: ShortlistAsk },
) {
  const ask = params.ask ?? (await loadShortlistAsk(db, params));
  const limit = params.limit ?? SHORTLIST_SIZE;
  const hasBudget = ask.monthlyBudget > 0;
  const ceiling = hasBudget ? budgetCeiling(ask) : 2_147_483_647;
  const musts = JSON.stringify(Object.fromEntries(mustHavesOf(ask.requirements).map((must) => [must, true])));
  const moveIn = ask.requirements.moveInDate ?? null;
  const hoods = ask.requirements.neighborhoods ?? [];
  const hoodsArray = sql`${`{${hoods.map((h) => `"${h.replace(/["\\]/g, '')}"`).join(',')}}`}::text[]`;

  const teamOk = sql`(s.desks is not null and s.desks >= ${ask.teamSize})`;
  const budgetOk = sql`(s.monthly_rate <= ${ceiling})`;
  const mustOk = sql`(s.amenities @> ${musts}::jsonb)`;
  const moveInOk = sql`(${moveIn}::date is null or s.available_from is null or s.available_from <= ${moveIn}::date)`;
  const soft = sql`(
    (case when cardinality(${hoodsArray}) = 0 then 20 when s.neighborhood = any(${hoodsArray}) then 40 else 0 end)
    + (case when ${hasBudget} then 30 * greatest(0, least(1, 1 - s.monthly_rate::float8 / ${ceiling})) else 15 end)
    + 5 * ((s.amenities @> '{"parking":true}')::int + (s.amenities @> '{"dogFriendly":true}')::int
         + (s.amenities @> '{"afterHours":true}')::int + (s.amenities @> '{"meetingRooms":true}')::int)
    + 10 * least(1, ${ask.teamSize}::float8 / greatest(coalesce(s.desks, 0), 1))
  )`;
  const broken = sql`((not ${teamOk})::int + (not ${budgetOk})::int + (not ${mustOk})::int + (not ${moveInOk})::int)`;
  const live = sql`s.organization_id = ${params.organizationId} and s.archived_at is null
    and not exists (select 1 from deal_space_dismissals x where x.deal_id = ${params.dealId} and x.space_id = s.id)
    and not exists (select 1 from deal_spaces l where l.deal_id = ${params.dealId} and l.space_id = s.id)`;

  const result = await db.execute<SpaceRow & { score: number; fitting: boolean }>(sql`
    (select s.id, 1 as fitting, ${soft} as score, 0 as broken from spaces s
      where ${live} and ${teamOk} and ${budgetOk} and ${mustOk} and ${moveInOk}
      order by score desc, s.monthly_rate, s.id limit ${limit})
    union all
    (select s.id, 0 as fitting, ${soft} as score, ${broken} as broken from spaces s
      where ${live} and not (${teamOk} and ${budgetOk} and ${mustOk} and ${moveInOk})
      order by broken, score desc, s.monthly_rate, s.id limit ${limit})
    limit ${limit}`);
  const ranked = result.rows as unknown as Array<{ id: string | number; score: number }>;
  if (ranked.length === 0) return { items: [] };

  const ids = ranked.map((row) => Number(row.id));
  const rows = await db
    .select()
    .from(spaces)
    .where(
      and(
        eq(spaces.organizationId, params.organizationId),
        sql`${spaces.id} = any(${`{${ids.join(',')}}`}::bigint[])`,
      ),
    );
  const byId = new Map(rows.map((row) => [row.id, row]));
  const items = ranked.flatMap((row) => {
    const space = byId.get(Number(row.id));
    if (!space) return [];
    const judged = reasonsFor(
      { ...space, parkingSpots: space.detailedAmenities.parking?.spotsAvailable ?? null },
      ask,
    );
    const reasons = judged.map(({ isHard: _isHard, ...reason }) => reason);
    return [{ space, score: Math.round(Number(row.score)), fits: isFitting(judged), reasons }];
  });
  return { items };
}

export type Suggestion = Awaited<ReturnType<typeof suggestSpaces>>['items'][number];
