import type { ActorType } from '../../db/schema';
import { auditEvents } from '../../db/schema';
import type { Transaction } from './db';

export type Actor = { type: ActorType; id: string | null };
export const SYSTEM: Actor = { type: 'system', id: null };
export const AI: Actor = { type: 'ai', id: null };
export const userActor = (userId: string): Actor => ({ type: 'user', id: userId });

export type AuditEntry = {
  organizationId: string;
  actor: Actor;
  action: string;
  entityType: 'draft' | 'deal' | 'email' | 'organization' | 'deal_space' | 'space';
  entityId: number | string;
  details?: Record<string, unknown>;
};

/** Takes a transaction on purpose: an audit row is written with the change it records, or not at all. */
export async function recordAudit(tx: Transaction, entry: AuditEntry) {
  await tx.insert(auditEvents).values({
    organizationId: entry.organizationId,
    actorType: entry.actor.type,
    actorId: entry.actor.id,
    action: entry.action,
    entityType: entry.entityType,
    entityId: String(entry.entityId),
    details: entry.details ?? {},
  });
}

/** Many audit rows in one statement (an import records one per space it wrote). */
export async function recordAudits(tx: Transaction, entries: AuditEntry[]) {
  if (entries.length === 0) return;
  await tx.insert(auditEvents).values(
    entries.map((entry) => ({
      organizationId: entry.organizationId,
      actorType: entry.actor.type,
      actorId: entry.actor.id,
      action: entry.action,
      entityType: entry.entityType,
      entityId: String(entry.entityId),
      details: entry.details ?? {},
    })),
  );
}
