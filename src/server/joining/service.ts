import { randomBytes } from 'node:crypto';
import { hashPassword, verifyPassword } from 'better-auth/crypto';
import { and, eq, sql } from 'drizzle-orm';
import {
  accounts,
  invitations,
  members,
  organizationSettings,
  organizations,
  users,
} from '../../../db/schema';
import { recordAudit, userActor } from '../audit';
import { type Executor, type Transaction, withTransaction } from '../db';
import { env } from '../env';
import {
  BadInputError,
  ConflictError,
  ForbiddenError,
  InvalidTransitionError,
  NotFoundError,
} from '../errors';
import { invitationForLink, invitationState } from './queries';
import type { AcceptInvitationInput, CreateOrganizationInput } from './schemas';

/** Random, unguessable ids for rows better-auth would otherwise create (it uses 32 random chars). */
export const newId = () => randomBytes(18).toString('base64url');

/** Any constant works: every setup attempt waits on the same key until the one before it commits. */
const SETUP_LOCK_KEY = 7_301_200_112;

function isUniqueViolation(error: unknown): boolean {
  for (let cause = error; cause; cause = (cause as { cause?: unknown }).cause) {
    if ((cause as { code?: unknown }).code === '23505') return true;
  }
  return false;
}

function slugFor(name: string) {
  const base = name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return `${base || 'organization'}-${randomBytes(3).toString('hex')}`;
}

async function findUserByEmail(tx: Executor, email: string) {
  const [user] = await tx
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(sql`lower(${users.email}) = ${email.toLowerCase()}`)
    .limit(1);
  return user ?? null;
}

/** A user with a credential account (the email + password better-auth signs in with). */
async function createPasswordUser(
  tx: Transaction,
  params: { name: string; email: string; password: string },
) {
  const userId = newId();
  await tx.insert(users).values({ id: userId, name: params.name, email: params.email, emailVerified: false });
  await tx.insert(accounts).values({
    id: newId(),
    accountId: userId,
    providerId: 'credential',
    userId,
    password: await hashPassword(params.password),
  });
  return userId;
}

/** Organization, its settings row, its admin (user, password, membership) and the audit row. */
async function createOrganizationWithAdmin(tx: Transaction, input: CreateOrganizationInput, via: string) {
  if (await findUserByEmail(tx, input.email)) {
    throw new ConflictError('email: an account with this email already exists; sign in instead');
  }
  const organizationId = newId();
  await tx
    .insert(organizations)
    .values({ id: organizationId, name: input.organizationName, slug: slugFor(input.organizationName) });
  await tx.insert(organizationSettings).values({ organizationId });
  const userId = await createPasswordUser(tx, input);
  await tx.insert(members).values({ id: newId(), organizationId, userId, role: 'admin' });
  await recordAudit(tx, {
    organizationId,
    actor: userActor(userId),
    action: 'organization.created',
    entityType: 'organization',
    entityId: organizationId,
    details: { name: input.organizationName, adminUserId: userId, adminEmail: input.email, via },
  });
  return { organizationId, userId, email: input.email };
}

async function withUniqueEmail<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new ConflictError('email: an account with this email already exists; sign in instead');
    }
    throw error;
  }
}

/**
 * First run: the installation's first organization and its admin. Refused once any organization
 * exists; two simultaneous submissions queue on one advisory lock, so exactly one of them wins.
 */
export async function setUpFirstOrganization(executor: Executor, input: CreateOrganizationInput) {
  // One transaction: organization, settings, admin and audit exist together or not at all, and the
  // lock (released at commit) makes "no organization yet" still true when we insert.
  return withUniqueEmail(() =>
    withTransaction(executor, async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(${SETUP_LOCK_KEY})`);
      const [existing] = await tx.select({ id: organizations.id }).from(organizations).limit(1);
      if (existing)
        throw new ForbiddenError('Echo is already set up. Sign in, or ask an admin for an invitation.');
      return createOrganizationWithAdmin(tx, input, 'setup');
    }),
  );
}

/** `/signup` (only with ECHO_OPEN_SIGNUP=1): a new organization with its admin. */
export async function signUpOrganization(executor: Executor, input: CreateOrganizationInput) {
  if (!env.isOpenSignup) throw new ForbiddenError('Sign-up is closed. Ask an admin for an invitation.');
  // One transaction: the organization never exists without its admin.
  return withUniqueEmail(() =>
    withTransaction(executor, (tx) => createOrganizationWithAdmin(tx, input, 'signup')),
  );
}

const stateMessages = {
  expired: 'This invitation has expired. Ask an admin of the organization to send a new one.',
  cancelled: 'This invitation was cancelled. Ask an admin of the organization if you still need access.',
  accepted: 'This invitation was already used. Sign in with the account that accepted it.',
} as const;

export async function invitationOverview(db: Executor, id: string) {
  const invitation = await invitationForLink(db, id);
  if (!invitation) throw new NotFoundError('Invitation', id);
  return {
    id: invitation.id,
    email: invitation.email,
    role: invitation.role ?? 'agent',
    organizationName: invitation.organizationName,
    inviterName: invitation.inviterName,
    expiresAt: invitation.expiresAt,
    state: invitation.state,
    message: invitation.state === 'pending' ? null : stateMessages[invitation.state],
    hasAccount: invitation.hasAccount,
  };
}

/**
 * The invitee joins with the invited role: a new account sets its name and password; an existing
 * one proves its password. The client signs in with the same password afterwards.
 */
export async function acceptInvitation(executor: Executor, input: AcceptInvitationInput) {
  // One transaction: the invitation row is locked, so a link is used once, and the account,
  // membership, used invitation and audit row land together.
  return withUniqueEmail(() =>
    withTransaction(executor, async (tx) => {
      const [invitation] = await tx
        .select()
        .from(invitations)
        .where(eq(invitations.id, input.id))
        .for('update');
      if (!invitation) throw new NotFoundError('Invitation', input.id);
      const state = invitationState(invitation);
      if (state !== 'pending') throw new InvalidTransitionError(stateMessages[state]);

      const role = invitation.role ?? 'agent';
      const existing = await findUserByEmail(tx, invitation.email);
      let userId: string;
      if (existing) {
        const [credential] = await tx
          .select({ password: accounts.password })
          .from(accounts)
          .where(and(eq(accounts.userId, existing.id), eq(accounts.providerId, 'credential')))
          .limit(1);
        const matches = credential?.password
          ? await verifyPassword({ hash: credential.password, password: input.password })
          : false;
        if (!matches) throw new BadInputError('password: that is not the password of this account');
        userId = existing.id;
      } else {
        if (!input.name) throw new BadInputError('name: enter your name');
        userId = await createPasswordUser(tx, {
          name: input.name,
          email: invitation.email,
          password: input.password,
        });
      }

      const [joined] = await tx
        .insert(members)
        .values({ id: newId(), organizationId: invitation.organizationId, userId, role })
        .onConflictDoNothing({ target: [members.organizationId, members.userId] })
        .returning({ id: members.id });
      await tx.update(invitations).set({ status: 'accepted' }).where(eq(invitations.id, invitation.id));
      await recordAudit(tx, {
        organizationId: invitation.organizationId,
        actor: userActor(userId),
        action: 'member.joined',
        entityType: 'organization',
        entityId: invitation.organizationId,
        details: {
          invitationId: invitation.id,
          userId,
          email: invitation.email,
          role,
          memberId: joined?.id ?? null,
          isNewAccount: !existing,
        },
      });
      return { email: invitation.email, role, organizationId: invitation.organizationId };
    }),
  );
}
