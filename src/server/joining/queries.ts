import { desc, eq, sql } from 'drizzle-orm';
import { invitations, members, organizations, sessions, users } from '../../../db/schema';
import type { Executor } from '../db';

/** True once `/setup` (or the seed) has created any organization. */
export async function hasAnyOrganization(db: Executor) {
  const result = await db.execute<{ exists: boolean }>(
    sql`select exists(select 1 from organizations) as exists`,
  );
  return result.rows[0]?.exists === true;
}

/**
 * The organization a session lands in: the one the user joined last (an invited member arrives in
 * the organization that invited them). Null for a user with no membership.
 */
export async function ownOrganizationId(db: Executor, userId: string) {
  const [membership] = await db
    .select({ organizationId: members.organizationId })
    .from(members)
    .where(eq(members.userId, userId))
    .orderBy(desc(members.createdAt), desc(members.id))
    .limit(1);
  return membership?.organizationId ?? null;
}

/** Writes the recovered organization onto the session row, so the next cache refresh carries it. */
export async function recoverActiveOrganization(db: Executor, sessionId: string, organizationId: string) {
  await db.update(sessions).set({ activeOrganizationId: organizationId }).where(eq(sessions.id, sessionId));
}

export type InvitationState = 'pending' | 'expired' | 'cancelled' | 'accepted';

/** What a link can still do: a pending invitation past its expiry is expired. */
export function invitationState(row: { status: string; expiresAt: Date }, now = new Date()): InvitationState {
  if (row.status === 'accepted') return 'accepted';
  if (row.status !== 'pending') return 'cancelled';
  return row.expiresAt.getTime() <= now.getTime() ? 'expired' : 'pending';
}

/** The invitation as its link shows it: who invited whom, to what, and whether the invitee has an account. */
export async function invitationForLink(db: Executor, id: string) {
  const [row] = await db
    .select({
      id: invitations.id,
      email: invitations.email,
      role: invitations.role,
      status: invitations.status,
      expiresAt: invitations.expiresAt,
      organizationName: organizations.name,
      inviterName: users.name,
    })
    .from(invitations)
    .innerJoin(organizations, eq(organizations.id, invitations.organizationId))
    .innerJoin(users, eq(users.id, invitations.inviterId))
    .where(eq(invitations.id, id))
    .limit(1);
  if (!row) return null;
  const [account] = await db
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.email}) = ${row.email.toLowerCase()}`)
    .limit(1);
  return { ...row, state: invitationState(row), hasAccount: Boolean(account) };
}
