import { and, eq } from 'drizzle-orm';
import { draftVersions, emails, organizationSettings } from '../../../db/schema';
import type { Transaction } from '../db';
import { compareBodies, type Similarity } from './similarity';

/**
 * Called inside the send transaction, after the outbound email is written: stores how close the
 * sent body stayed to the AI version it started from, on the email and on the version. Pure
 * arithmetic on two bodies already in hand, so it is cheap enough to share the transaction.
 */
export async function recordSendSimilarity(
  tx: Transaction,
  params: {
    organizationId: string;
    draftId: number;
    version: number;
    emailId: number;
    sentBody: string;
  },
): Promise<Similarity | null> {
  const [version] = await tx
    .select({ id: draftVersions.id, body: draftVersions.body })
    .from(draftVersions)
    .where(
      and(
        eq(draftVersions.organizationId, params.organizationId),
        eq(draftVersions.draftId, params.draftId),
        eq(draftVersions.version, params.version),
      ),
    );
  // A draft with no AI version (written by hand) has nothing to be compared with.
  if (!version) return null;
  const [settings] = await tx
    .select({ signature: organizationSettings.signature })
    .from(organizationSettings)
    .where(eq(organizationSettings.organizationId, params.organizationId));

  const result = compareBodies(version.body, params.sentBody, { signature: settings?.signature ?? '' });
  await tx
    .update(emails)
    .set({
      draftVersion: params.version,
      draftSimilarity: result.similarity,
      draftEditDistance: result.editDistance,
      isSentUnedited: result.isUnedited,
    })
    .where(and(eq(emails.id, params.emailId), eq(emails.organizationId, params.organizationId)));
  await tx
    .update(draftVersions)
    .set({ sentSimilarity: result.similarity, sentEditDistance: result.editDistance })
    .where(eq(draftVersions.id, version.id));
  return result;
}
