import { and, asc, eq, sql } from 'drizzle-orm';
import { invitations, members, organizationSettings, SETTINGS_DEFAULTS, users } from '../../../db/schema';
import type { Executor } from '../db';

export type OrganizationSettings = {
  organizationId: string;
  replyTargetHours: number;
  regenerationLimit: number;
  regenerationCooldownHours: number;
  undoWindowSeconds: number;
  senderName: string;
  senderEmail: string;
  inboundAddress: string | null;
  signature: string;
  budgetTolerancePercent: number;
  updatedAt: Date | null;
};

/** The product's defaults, for an organization whose settings row was never written. */
export function defaultSettings(organizationId: string): OrganizationSettings {
  return {
    organizationId,
    ...SETTINGS_DEFAULTS,
    senderName: '',
    senderEmail: '',
    inboundAddress: null,
    signature: '',
    updatedAt: null,
  };
}

export async function getOrganizationSettings(
  db: Executor,
  organizationId: string,
): Promise<OrganizationSettings> {
  const [row] = await db
    .select()
    .from(organizationSettings)
    .where(eq(organizationSettings.organizationId, organizationId))
    .limit(1);
  return row ?? defaultSettings(organizationId);
}

/** The organization that receives mail at `address` (case-insensitive), if any. */
export async function findOrganizationByInboundAddress(db: Executor, address: string) {
  const [row] = await db
    .select({ organizationId: organizationSettings.organizationId })
    .from(organizationSettings)
    .where(sql`lower(${organizationSettings.inboundAddress}) = ${address.toLowerCase()}`)
    .limit(1);
  return row?.organizationId ?? null;
}

export async function listMembers(db: Executor, organizationId: string) {
  return db
    .select({
      memberId: members.id,
      userId: members.userId,
      name: users.name,
      email: users.email,
      role: members.role,
      joinedAt: members.createdAt,
    })
    .from(members)
    .innerJoin(users, eq(users.id, members.userId))
    .where(eq(members.organizationId, organizationId))
    .orderBy(asc(users.name), asc(members.id));
}

export async function listPendingInvitations(db: Executor, organizationId: string) {
  return db
    .select({
      id: invitations.id,
      email: invitations.email,
      role: invitations.role,
      expiresAt: invitations.expiresAt,
      createdAt: invitations.createdAt,
    })
    .from(invitations)
    .where(and(eq(invitations.organizationId, organizationId), eq(invitations.status, 'pending')))
    .orderBy(asc(invitations.createdAt));
}

/**
 * How a draft on a deal is signed: the deal owner's own signature, the organization's only when the
 * owner has none (or the deal has no owner). A reply on Morgan's deal is signed by Morgan.
 */
export async function draftSignature(
  db: Executor,
  params: { organizationId: string; ownerId: string | null },
) {
  if (params.ownerId) {
    const [owner] = await db
      .select({ signature: members.signature })
      .from(members)
      .where(and(eq(members.organizationId, params.organizationId), eq(members.userId, params.ownerId)))
      .limit(1);
    if (owner?.signature.trim()) return owner.signature;
  }
  return (await getOrganizationSettings(db, params.organizationId)).signature;
}
