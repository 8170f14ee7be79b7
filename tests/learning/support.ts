import { and, eq } from 'drizzle-orm';
import { dealSpaces, emailDrafts, knowledgeProposals, spaces } from '../../db/schema';
import { loadDraftContext } from '../../src/server/ai/context';
import { draftOffline } from '../../src/server/ai/offline';
import { draftRow, makeDraft, TANDEM } from '../drafts/support';
import { callerFor, db } from '../helpers';

export { TANDEM };

/** A fresh approved draft on a seeded deal, with the first space linked to that deal. */
export async function approvedDraftWithSpace(organizationId = TANDEM) {
  const made = await makeDraft({ status: 'approved', organizationId });
  const [link] = await db
    .select({ space: spaces })
    .from(dealSpaces)
    .innerJoin(spaces, eq(spaces.id, dealSpaces.spaceId))
    .where(eq(dealSpaces.dealId, made.draft.dealId))
    .orderBy(dealSpaces.id)
    .limit(1);
  if (!link) throw new Error(`The seeded deal ${made.draft.dealId} has no space`);
  const context = await loadDraftContext(db, { organizationId, inboundEmailId: made.inbound.id });
  return { ...made, space: link.space, context };
}

/** The agent edits the approved draft's body (as the review pane would) and sends it. */
export async function sendEdited(draftId: number, body: string, email = 'agent@echo.test') {
  await db.update(emailDrafts).set({ body, isEdited: true }).where(eq(emailDrafts.id, draftId));
  const agent = await callerFor(email);
  const current = await draftRow(draftId);
  return agent.drafts.send({ id: draftId, revision: current.revision });
}

export async function proposalsFor(spaceId: number) {
  return db
    .select()
    .from(knowledgeProposals)
    .where(and(eq(knowledgeProposals.spaceId, spaceId)))
    .orderBy(knowledgeProposals.id);
}

export async function spaceRow(id: number) {
  const [row] = await db.select().from(spaces).where(eq(spaces.id, id));
  if (!row) throw new Error(`space ${id} is gone`);
  return row;
}

/** The offline drafter's reply to a fresh inbound email, with the records and style as they are now. */
export async function nextOfflineDraft() {
  const { inbound } = await makeDraft({ status: 'pending' });
  const context = await loadDraftContext(db, { organizationId: TANDEM, inboundEmailId: inbound.id });
  return { draft: draftOffline(context), context };
}
