import { and, eq } from 'drizzle-orm';
import { draftVersions, emails, organizationSettings } from '../../../db/schema';
import { loadDraftContext } from '../ai/context';
import type { Transaction } from '../db';
import { factsToPropose } from '../knowledge/extract';
import { proposeFacts } from '../knowledge/service';
import { compareBodies, type Similarity } from './similarity';
import { observeStyle } from './style';
import { recordStyleObservations } from './style-service';

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

/**
 * Called inside the send transaction, after the similarity: what the sent reply teaches. Facts it
 * states about a space that the records lack or contradict become proposals for a manager (never
 * written into the space here); the edit's greeting, closing, length and phrases are counted as
 * the organization's style. Reads records and does arithmetic on text: no call leaves the process.
 */
export async function learnFromSend(
  tx: Transaction,
  params: {
    organizationId: string;
    draftId: number;
    version: number;
    inboundEmailId: number;
    emailId: number;
    sentBody: string;
    sentBy: string;
    now: Date;
  },
) {
  const [version] = await tx
    .select({ body: draftVersions.body })
    .from(draftVersions)
    .where(
      and(
        eq(draftVersions.organizationId, params.organizationId),
        eq(draftVersions.draftId, params.draftId),
        eq(draftVersions.version, params.version),
      ),
    );
  const draftBody = version?.body ?? '';
  const context = await loadDraftContext(tx, {
    organizationId: params.organizationId,
    inboundEmailId: params.inboundEmailId,
  });
  // Only the agent's own words teach: a claim the AI wrote and the agent left is not a new fact.
  const facts = factsToPropose(params.sentBody, context).filter((fact) => !draftBody.includes(fact.words));
  const proposalIds = await proposeFacts(tx, {
    organizationId: params.organizationId,
    emailId: params.emailId,
    sentBy: params.sentBy,
    sentAt: params.now,
    facts,
  });
  const observations = version
    ? observeStyle(draftBody, params.sentBody, {
        signature: context.signature,
        seekerName: context.deal.seekerName,
        spaceNames: context.spaces.map((space) => space.name),
      })
    : [];
  await recordStyleObservations(tx, { organizationId: params.organizationId, observations, now: params.now });
  return { proposalIds, styleObservations: observations.length };
}
