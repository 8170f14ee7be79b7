import { and, eq, gt, ne, sql } from 'drizzle-orm';
import { draftPresence, emailDrafts, members, sessions, users } from '../../../db/schema';
import type { Executor } from '../db';
import { NotFoundError } from '../errors';

/** A heartbeat older than this no longer counts: a closed tab, a lost network, a crashed browser. */
export const PRESENCE_TTL_SECONDS = 30;

export const presenceFresh = sql`now() - make_interval(secs => ${PRESENCE_TTL_SECONDS})`;

/**
 * Who else has the draft open, freshest first; never the viewer. One statement on the draft's
 * primary key and the presence primary key; a draft of another organization is NOT_FOUND.
 */
export async function listPresence(
  db: Executor,
  params: { draftId: number; organizationId: string; viewerId: string },
) {
  const rows = await db
    .select({
      draftId: emailDrafts.id,
      userId: draftPresence.userId,
      name: users.name,
      state: draftPresence.state,
      seenAt: draftPresence.seenAt,
    })
    .from(emailDrafts)
    .leftJoin(
      draftPresence,
      and(
        eq(draftPresence.draftId, emailDrafts.id),
        eq(draftPresence.organizationId, emailDrafts.organizationId),
        ne(draftPresence.userId, params.viewerId),
        gt(draftPresence.seenAt, presenceFresh),
      ),
    )
    .leftJoin(users, eq(users.id, draftPresence.userId))
    .where(and(eq(emailDrafts.id, params.draftId), eq(emailDrafts.organizationId, params.organizationId)))
    .orderBy(sql`${draftPresence.seenAt} desc nulls last`);
  if (rows.length === 0) throw new NotFoundError('draft', params.draftId);
  const others = rows.flatMap((row) =>
    row.userId && row.state && row.seenAt
      ? [{ userId: row.userId, name: row.name ?? 'Someone', state: row.state, seenAt: row.seenAt }]
      : [],
  );
  return { draftId: params.draftId, others };
}

/** Drafts waiting for review in the organization: the number in the tab title. */
export async function countPending(db: Executor, params: { organizationId: string }) {
  const [row] = await db
    .select({ pending: sql<number>`count(*)::int` })
    .from(emailDrafts)
    .where(and(eq(emailDrafts.organizationId, params.organizationId), eq(emailDrafts.status, 'pending')));
  return { pending: row?.pending ?? 0 };
}

/**
 * Whether an open event stream may go on: its session still exists and has not expired, and its
 * user is still a member of the stream's organization (sign-out, a password reset or a removal
 * ends it at the next heartbeat).
 */
export async function isStreamSessionValid(
  db: Executor,
  params: { sessionId: string; userId: string; organizationId: string },
) {
  const rows = await db
    .select({ one: sql`1` })
    .from(sessions)
    .innerJoin(
      members,
      and(eq(members.userId, sessions.userId), eq(members.organizationId, params.organizationId)),
    )
    .where(
      and(
        eq(sessions.id, params.sessionId),
        eq(sessions.userId, params.userId),
        gt(sessions.expiresAt, sql`now()`),
      ),
    )
    .limit(1);
  return rows.length > 0;
}
