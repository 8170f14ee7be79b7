import { and, eq, sql } from 'drizzle-orm';
import { auditEvents, invitations, members, organizations, sessions, users } from '../../../db/schema';
import { recordAudit, userActor } from '../audit';
import { type Executor, withTransaction } from '../db';
import { BadInputError, ConflictError, InvalidTransitionError, NotFoundError } from '../errors';
import { newId } from '../joining/service';
import { invitationEmail, sendAccountEmail } from '../mail/account-mail';
import type { Viewer } from '../viewer';
import { listMembers, listPendingInvitations } from './queries';
import type { ChangeRoleInput, InviteMemberInput } from './schemas';

export async function membersOverview(db: Executor, organizationId: string) {
  const memberList = await listMembers(db, organizationId);
  const pending = await listPendingInvitations(db, organizationId);
  return { members: memberList, invitations: pending };
}

/** Changes a member's role; the organization always keeps at least one admin. */
export async function changeMemberRole(executor: Executor, viewer: Viewer, input: ChangeRoleInput) {
  // One transaction: the admin count is checked under lock, and the audit row lands with the change.
  return withTransaction(executor, async (tx) => {
    const roster = await tx
      .select({ id: members.id, userId: members.userId, role: members.role })
      .from(members)
      .where(eq(members.organizationId, viewer.organizationId))
      .for('update');
    const member = roster.find((row) => row.id === input.memberId);
    if (!member) throw new NotFoundError('Member', input.memberId);
    if (member.role === input.role)
      return { memberId: member.id, role: input.role, previousRole: member.role };
    const admins = roster.filter((row) => row.role === 'admin');
    if (member.role === 'admin' && admins.length <= 1) {
      throw new InvalidTransitionError(
        'The organization needs at least one admin; make someone else admin first.',
      );
    }
    const [updated] = await tx
      .update(members)
      .set({ role: input.role })
      .where(and(eq(members.id, member.id), eq(members.role, member.role)))
      .returning({ id: members.id });
    if (!updated) throw new ConflictError('This member was changed by someone else; reload and try again.');
    await recordAudit(tx, {
      organizationId: viewer.organizationId,
      actor: userActor(viewer.userId),
      action: 'member.role_changed',
      entityType: 'organization',
      entityId: viewer.organizationId,
      details: { memberId: member.id, userId: member.userId, before: member.role, after: input.role },
    });
    return { memberId: member.id, role: input.role, previousRole: member.role };
  });
}

const INVITATION_DAYS = 7;
const invitationExpiry = () => new Date(Date.now() + INVITATION_DAYS * 24 * 60 * 60 * 1000);

/** Whether the invitation email went out; the invitation stands either way and can be resent. */
export type InvitationDelivery = { isSent: true } | { isSent: false; error: string };

/** Sends (or sends again) an invitation's email through the reply mail path, after its row committed. */
async function deliverInvitation(
  db: Executor,
  invitation: { id: string; organizationId: string; email: string; role: string; expiresAt: Date },
  inviter: { name: string; organizationName: string },
  sendNumber: number,
): Promise<InvitationDelivery> {
  const message = invitationEmail({
    inviterName: inviter.name,
    organizationName: inviter.organizationName,
    role: invitation.role,
    invitationId: invitation.id,
    expiresAt: invitation.expiresAt,
  });
  const attempt = await sendAccountEmail(db, {
    organizationId: invitation.organizationId,
    to: invitation.email,
    subject: message.subject,
    text: message.text,
    kind: 'invitation',
    idempotencyKey: `invitation/${invitation.id}/${sendNumber}`,
  });
  return attempt.outcome === 'accepted' ? { isSent: true } : { isSent: false, error: attempt.message };
}

async function inviterOf(db: Executor, viewer: Viewer) {
  const [organization] = await db
    .select({ name: organizations.name })
    .from(organizations)
    .where(eq(organizations.id, viewer.organizationId))
    .limit(1);
  return { name: viewer.name, organizationName: organization?.name ?? 'your organization' };
}

/** Invites by email with a role: the invitation row and its audit event, then the email. */
export async function inviteMember(executor: Executor, viewer: Viewer, input: InviteMemberInput) {
  // One transaction: the duplicate checks, the invitation and its audit row agree.
  const invitation = await withTransaction(executor, async (tx) => {
    // Serialises invitations of one organization, so two admins cannot invite one address twice.
    await tx
      .select({ id: organizations.id })
      .from(organizations)
      .where(eq(organizations.id, viewer.organizationId))
      .for('update');
    const [member] = await tx
      .select({ id: members.id })
      .from(members)
      .innerJoin(users, eq(users.id, members.userId))
      .where(
        and(eq(members.organizationId, viewer.organizationId), sql`lower(${users.email}) = ${input.email}`),
      )
      .limit(1);
    if (member) throw new BadInputError('email: this person is already a member of the organization');
    const [pending] = await tx
      .select({ id: invitations.id })
      .from(invitations)
      .where(
        and(
          eq(invitations.organizationId, viewer.organizationId),
          eq(invitations.status, 'pending'),
          sql`lower(${invitations.email}) = ${input.email}`,
        ),
      )
      .limit(1);
    if (pending)
      throw new BadInputError('email: this address already has a pending invitation; resend it instead');
    const [row] = await tx
      .insert(invitations)
      .values({
        id: newId(),
        organizationId: viewer.organizationId,
        email: input.email,
        role: input.role,
        status: 'pending',
        expiresAt: invitationExpiry(),
        inviterId: viewer.userId,
      })
      .returning();
    if (!row) throw new ConflictError('The invitation could not be created; try again.');
    await recordAudit(tx, {
      organizationId: viewer.organizationId,
      actor: userActor(viewer.userId),
      action: 'member.invited',
      entityType: 'organization',
      entityId: viewer.organizationId,
      details: { invitationId: row.id, email: input.email, role: input.role, expiresAt: row.expiresAt },
    });
    return row;
  });
  const delivery = await deliverInvitation(
    executor,
    { ...invitation, role: input.role },
    await inviterOf(executor, viewer),
    1,
  );
  return {
    id: invitation.id,
    email: invitation.email,
    role: input.role,
    expiresAt: invitation.expiresAt,
    delivery,
  };
}

/** Sends a pending invitation again, valid for another week from now. */
export async function resendInvitation(executor: Executor, viewer: Viewer, invitationId: string) {
  // One transaction: the new expiry and its audit row; the count of earlier sends names the new email.
  const { invitation, sendNumber } = await withTransaction(executor, async (tx) => {
    const [row] = await tx
      .update(invitations)
      .set({ expiresAt: invitationExpiry() })
      .where(
        and(
          eq(invitations.id, invitationId),
          eq(invitations.organizationId, viewer.organizationId),
          eq(invitations.status, 'pending'),
        ),
      )
      .returning();
    if (!row) {
      await explainInvitationMiss(tx, viewer, invitationId);
      throw new NotFoundError('Invitation', invitationId);
    }
    const [sends] = await tx
      .select({ count: sql<number>`count(*)::int` })
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.organizationId, viewer.organizationId),
          sql`${auditEvents.action} in ('member.invited', 'member.invitation_resent')`,
          sql`${auditEvents.details}->>'invitationId' = ${invitationId}`,
        ),
      );
    await recordAudit(tx, {
      organizationId: viewer.organizationId,
      actor: userActor(viewer.userId),
      action: 'member.invitation_resent',
      entityType: 'organization',
      entityId: viewer.organizationId,
      details: { invitationId, email: row.email, expiresAt: row.expiresAt },
    });
    return { invitation: row, sendNumber: (sends?.count ?? 1) + 1 };
  });
  const delivery = await deliverInvitation(
    executor,
    { ...invitation, role: invitation.role ?? 'agent' },
    await inviterOf(executor, viewer),
    sendNumber,
  );
  return { id: invitation.id, email: invitation.email, expiresAt: invitation.expiresAt, delivery };
}

/** A pending-only change missed: say why when the invitation exists but was used or cancelled. */
async function explainInvitationMiss(tx: Executor, viewer: Viewer, invitationId: string) {
  const [row] = await tx
    .select({ status: invitations.status })
    .from(invitations)
    .where(and(eq(invitations.id, invitationId), eq(invitations.organizationId, viewer.organizationId)))
    .limit(1);
  if (row?.status === 'accepted') throw new InvalidTransitionError('This invitation was already accepted.');
  if (row) throw new InvalidTransitionError('This invitation was already cancelled.');
}

export async function cancelInvitation(executor: Executor, viewer: Viewer, invitationId: string) {
  // One transaction: the conditional status change and its audit row.
  return withTransaction(executor, async (tx) => {
    const [row] = await tx
      .update(invitations)
      .set({ status: 'canceled' })
      .where(
        and(
          eq(invitations.id, invitationId),
          eq(invitations.organizationId, viewer.organizationId),
          eq(invitations.status, 'pending'),
        ),
      )
      .returning({ id: invitations.id, email: invitations.email });
    if (!row) {
      await explainInvitationMiss(tx, viewer, invitationId);
      throw new NotFoundError('Invitation', invitationId);
    }
    await recordAudit(tx, {
      organizationId: viewer.organizationId,
      actor: userActor(viewer.userId),
      action: 'member.invitation_cancelled',
      entityType: 'organization',
      entityId: viewer.organizationId,
      details: { invitationId, email: row.email },
    });
    return { id: invitationId };
  });
}

/** Removes a member from the organization and ends their sessions in it; never the last admin, never yourself. */
export async function removeMember(executor: Executor, viewer: Viewer, memberId: string) {
  // One transaction: the admin count is checked under lock, and the removal, ended sessions and audit row agree.
  return withTransaction(executor, async (tx) => {
    const roster = await tx
      .select({ id: members.id, userId: members.userId, role: members.role })
      .from(members)
      .where(eq(members.organizationId, viewer.organizationId))
      .for('update');
    const member = roster.find((row) => row.id === memberId);
    if (!member) throw new NotFoundError('Member', memberId);
    if (member.userId === viewer.userId) {
      throw new InvalidTransitionError('You cannot remove yourself; ask another admin.');
    }
    if (member.role === 'admin' && roster.filter((row) => row.role === 'admin').length <= 1) {
      throw new InvalidTransitionError(
        'The organization needs at least one admin; make someone else admin first.',
      );
    }
    await tx
      .delete(members)
      .where(and(eq(members.id, member.id), eq(members.organizationId, viewer.organizationId)));
    await tx
      .delete(sessions)
      .where(
        and(eq(sessions.userId, member.userId), eq(sessions.activeOrganizationId, viewer.organizationId)),
      );
    await recordAudit(tx, {
      organizationId: viewer.organizationId,
      actor: userActor(viewer.userId),
      action: 'member.removed',
      entityType: 'organization',
      entityId: viewer.organizationId,
      details: { memberId: member.id, userId: member.userId, role: member.role },
    });
    return { memberId: member.id };
  });
}

/** The signed-in member's own signature (any role). */
