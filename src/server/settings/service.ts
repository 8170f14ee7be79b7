import { APIError } from 'better-auth/api';
import { and, eq, ne, sql } from 'drizzle-orm';
import { invitations, members, organizationSettings } from '../../../db/schema';
import { recordAudit, userActor } from '../audit';
import { auth } from '../auth';
import { type Executor, withTransaction } from '../db';
import { env } from '../env';
import {
  BadInputError,
  ConflictError,
  ForbiddenError,
  InvalidTransitionError,
  NotFoundError,
} from '../errors';
import type { Viewer } from '../trpc';
import { defaultSettings, getOrganizationSettings, listMembers, listPendingInvitations } from './queries';
import type { ChangeRoleInput, InviteMemberInput, UpdateSettingsInput } from './schemas';

/** Where Resend must POST its events for this deployment. */
export const resendWebhookUrl = () => `${env.APP_URL.replace(/\/$/, '')}/api/webhooks/resend`;

export async function settingsOverview(db: Executor, organizationId: string) {
  const settings = await getOrganizationSettings(db, organizationId);
  return {
    settings,
    webhookUrl: resendWebhookUrl(),
    isWebhookSecretConfigured: Boolean(env.RESEND_WEBHOOK_SECRET),
    isResendConfigured: env.isResendConfigured,
  };
}

type SettingsKey = keyof UpdateSettingsInput;

/** Writes the changed settings and audits `settings.changed` with each field's before and after. */
const INBOUND_ADDRESS_TAKEN = 'inboundAddress: that address is taken';

function isUniqueViolation(error: unknown) {
  const cause = error instanceof Error && 'cause' in error ? error.cause : error;
  return (
    (typeof cause === 'object' && cause !== null && 'code' in cause && cause.code === '23505') ||
    (typeof error === 'object' && error !== null && 'code' in error && error.code === '23505')
  );
}

export async function updateSettings(executor: Executor, viewer: Viewer, changes: UpdateSettingsInput) {
  // One transaction: the settings row is locked while compared, and the audit row lands with the change.
  return withTransaction(executor, async (tx) => {
    await tx
      .insert(organizationSettings)
      .values({ organizationId: viewer.organizationId })
      .onConflictDoNothing({ target: organizationSettings.organizationId });
    const [current] = await tx
      .select()
      .from(organizationSettings)
      .where(eq(organizationSettings.organizationId, viewer.organizationId))
      .for('update');
    const before = current ?? defaultSettings(viewer.organizationId);

    const changed: Partial<Record<SettingsKey, unknown>> = {};
    const previous: Partial<Record<SettingsKey, unknown>> = {};
    for (const key of Object.keys(changes) as SettingsKey[]) {
      const value = changes[key];
      if (value === undefined || value === before[key]) continue;
      changed[key] = value;
      previous[key] = before[key];
    }
    if (Object.keys(changed).length === 0) return { settings: before, changed: [] as SettingsKey[] };

    if (typeof changed.inboundAddress === 'string') {
      const [taken] = await tx
        .select({ organizationId: organizationSettings.organizationId })
        .from(organizationSettings)
        .where(
          and(
            sql`lower(${organizationSettings.inboundAddress}) = ${changed.inboundAddress}`,
            ne(organizationSettings.organizationId, viewer.organizationId),
          ),
        )
        .limit(1);
      // Say only that it is taken: whose it is, and what else they receive, is not ours to tell.
      if (taken) throw new ConflictError(INBOUND_ADDRESS_TAKEN);
    }

    const [settings] = await tx
      .update(organizationSettings)
      .set({ ...changes, updatedAt: sql`now()` })
      .where(eq(organizationSettings.organizationId, viewer.organizationId))
      .returning()
      .catch((error: unknown) => {
        // Two organizations claiming one address at the same moment: the unique index decides.
        if (isUniqueViolation(error)) throw new ConflictError(INBOUND_ADDRESS_TAKEN);
        throw error;
      });
    if (!settings) throw new NotFoundError('Organization settings', viewer.organizationId);

    await recordAudit(tx, {
      organizationId: viewer.organizationId,
      actor: userActor(viewer.userId),
      action: 'settings.changed',
      entityType: 'organization',
      entityId: viewer.organizationId,
      details: { before: previous, after: changed },
    });
    return { settings, changed: Object.keys(changed) as SettingsKey[] };
  });
}

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

/** better-auth answers with its own APIError; a refusal becomes our domain error with its message. */
function fromAuthError(error: unknown): never {
  if (error instanceof APIError) {
    const message = error.body?.message ?? error.message;
    if (error.statusCode === 403) throw new ForbiddenError(message);
    if (error.statusCode >= 400 && error.statusCode < 500) throw new BadInputError(message);
  }
  throw error;
}

/** Invites by email through the better-auth organization plugin (it writes the `invitations` row). */
export async function inviteMember(db: Executor, viewer: Viewer, headers: Headers, input: InviteMemberInput) {
  const invitation = await auth.api
    .createInvitation({
      headers,
      body: { email: input.email, role: input.role, organizationId: viewer.organizationId },
    })
    .catch(fromAuthError);
  // One transaction for the audit row alone: better-auth wrote the invitation through its own connection.
  await withTransaction(db, (tx) =>
    recordAudit(tx, {
      organizationId: viewer.organizationId,
      actor: userActor(viewer.userId),
      action: 'member.invited',
      entityType: 'organization',
      entityId: viewer.organizationId,
      details: { invitationId: invitation.id, email: input.email, role: input.role },
    }),
  );
  return { id: invitation.id, email: invitation.email, role: input.role, expiresAt: invitation.expiresAt };
}

export async function cancelInvitation(db: Executor, viewer: Viewer, headers: Headers, invitationId: string) {
  const [invitation] = await db
    .select({ id: invitations.id })
    .from(invitations)
    .where(and(eq(invitations.id, invitationId), eq(invitations.organizationId, viewer.organizationId)))
    .limit(1);
  if (!invitation) throw new NotFoundError('Invitation', invitationId);
  await auth.api.cancelInvitation({ headers, body: { invitationId } }).catch(fromAuthError);
  await withTransaction(db, (tx) =>
    recordAudit(tx, {
      organizationId: viewer.organizationId,
      actor: userActor(viewer.userId),
      action: 'member.invitation_cancelled',
      entityType: 'organization',
      entityId: viewer.organizationId,
      details: { invitationId },
    }),
  );
  return { id: invitationId };
}
