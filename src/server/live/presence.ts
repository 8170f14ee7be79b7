import { and, eq, sql } from 'drizzle-orm';
import { draftPresence, emailDrafts, type PresenceState } from '../../../db/schema';
import type { Executor } from '../db';
import { NotFoundError } from '../errors';
import type { Viewer } from '../viewer';
import { presenceFresh } from './queries';

type Actor = Pick<Viewer, 'userId' | 'organizationId'>;

/**
 * The review pane's heartbeat: "I have this draft open" (or "I am editing it"), refreshed every
 * few seconds. One conditional upsert: the draft must be the actor's organization's, else no row
 * and NOT_FOUND. Presence is not audited: it changes nothing and lives for seconds.
 */
export async function markPresence(
  executor: Executor,
  input: { id: number; state: PresenceState; actor: Actor },
) {
  const { id, state, actor } = input;
  // One statement: the upsert, and the rows of whoever left without saying so (their delete
  // tells the others); two CTEs on one snapshot, so the viewer's own row is left to the upsert.
  const rows = await executor.execute<{ draft_id: string }>(sql`
    with stale as (
      delete from ${draftPresence}
      where draft_id = ${id} and organization_id = ${actor.organizationId}
        and user_id <> ${actor.userId} and seen_at < ${presenceFresh}
    )
    insert into ${draftPresence} (draft_id, user_id, organization_id, state, seen_at)
    select ${emailDrafts.id}, ${actor.userId}, ${emailDrafts.organizationId}, ${state}, now()
    from ${emailDrafts}
    where ${emailDrafts.id} = ${id} and ${emailDrafts.organizationId} = ${actor.organizationId}
    on conflict (draft_id, user_id) do update set state = excluded.state, seen_at = excluded.seen_at
    returning draft_id`);
  if (rows.rows.length === 0) throw new NotFoundError('draft', id);
  return { ok: true as const };
}

/** The pane closed: gone at once rather than after the TTL. Idempotent. */
export async function leavePresence(executor: Executor, input: { id: number; actor: Actor }) {
  await executor
    .delete(draftPresence)
    .where(
      and(
        eq(draftPresence.draftId, input.id),
        eq(draftPresence.userId, input.actor.userId),
        eq(draftPresence.organizationId, input.actor.organizationId),
      ),
    );
  return { ok: true as const };
}
