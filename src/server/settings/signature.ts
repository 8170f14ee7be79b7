import { and, eq } from 'drizzle-orm';
import { members } from '../../../db/schema';
import { recordAudit, userActor } from '../audit';
import { type Executor, withTransaction } from '../db';
import { NotFoundError } from '../errors';
import type { Viewer } from '../viewer';
import { getOrganizationSettings } from './queries';

export async function mySignature(db: Executor, viewer: Viewer) {
  const [row] = await db
    .select({ signature: members.signature })
    .from(members)
    .where(and(eq(members.organizationId, viewer.organizationId), eq(members.userId, viewer.userId)))
    .limit(1);
  if (!row) throw new NotFoundError('Member', viewer.userId);
  const settings = await getOrganizationSettings(db, viewer.organizationId);
  return { signature: row.signature, organizationSignature: settings.signature };
}

export async function updateMySignature(executor: Executor, viewer: Viewer, signature: string) {
  // One transaction: the before value is read under lock and audited with the change.
  return withTransaction(executor, async (tx) => {
    const [current] = await tx
      .select({ id: members.id, signature: members.signature })
      .from(members)
      .where(and(eq(members.organizationId, viewer.organizationId), eq(members.userId, viewer.userId)))
      .for('update');
    if (!current) throw new NotFoundError('Member', viewer.userId);
    if (current.signature === signature) return { signature, isChanged: false };
    await tx.update(members).set({ signature }).where(eq(members.id, current.id));
    await recordAudit(tx, {
      organizationId: viewer.organizationId,
      actor: userActor(viewer.userId),
      action: 'member.signature_changed',
      entityType: 'organization',
      entityId: viewer.organizationId,
      details: { memberId: current.id, before: current.signature, after: signature },
    });
    return { signature, isChanged: true };
  });
}
