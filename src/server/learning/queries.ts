import { and, desc, eq } from 'drizzle-orm';
import { styleObservations } from '../../../db/schema';
import type { Executor } from '../db';
import { type StyleItem, type StyleProfile, styleProfile } from './style';

/** Every style item of an organization, most seen first (removed ones too: the admin sees them). */
export async function listStyleItems(db: Executor, params: { organizationId: string }): Promise<StyleItem[]> {
  return db
    .select({
      id: styleObservations.id,
      kind: styleObservations.kind,
      phrase: styleObservations.phrase,
      count: styleObservations.count,
      isRemoved: styleObservations.isRemoved,
    })
    .from(styleObservations)
    .where(eq(styleObservations.organizationId, params.organizationId))
    .orderBy(desc(styleObservations.count), styleObservations.id)
    .limit(500);
}

/** The profile both drafters read: items seen at least twice and not removed. */
export async function loadStyleProfile(
  db: Executor,
  params: { organizationId: string },
): Promise<StyleProfile> {
  const rows = await db
    .select({
      kind: styleObservations.kind,
      phrase: styleObservations.phrase,
      count: styleObservations.count,
      isRemoved: styleObservations.isRemoved,
    })
    .from(styleObservations)
    .where(
      and(
        eq(styleObservations.organizationId, params.organizationId),
        eq(styleObservations.isRemoved, false),
      ),
    )
    .orderBy(desc(styleObservations.count))
    .limit(200);
  return styleProfile(rows);
}
