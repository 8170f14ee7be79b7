import { and, desc, eq, type SQL } from 'drizzle-orm';
import { deals, emails, knowledgeProposals, spaces, users } from '../../../db/schema';
import type { Executor } from '../db';
import { NotFoundError } from '../errors';
import { describeKnowledge } from './extract';
import type { ListProposalsInput } from './schemas';

/** A page of the card is never longer than this; the rest waits for the next decision. */
const MAX_PROPOSALS = 200;

/**
 * The facts proposed from sent replies, newest first, each with its space and its source: the
 * sent email, the words, who sent it and to which company, when.
 */
export async function listProposals(db: Executor, params: ListProposalsInput & { organizationId: string }) {
  const conditions: SQL[] = [eq(knowledgeProposals.organizationId, params.organizationId)];
  if (params.status) conditions.push(eq(knowledgeProposals.status, params.status));
  const rows = await db
    .select({
      proposal: knowledgeProposals,
      spaceName: spaces.name,
      dealId: emails.dealId,
      companyName: deals.companyName,
      senderName: users.name,
    })
    .from(knowledgeProposals)
    .innerJoin(
      spaces,
      and(
        eq(spaces.id, knowledgeProposals.spaceId),
        eq(spaces.organizationId, knowledgeProposals.organizationId),
      ),
    )
    .innerJoin(
      emails,
      and(
        eq(emails.id, knowledgeProposals.sourceEmailId),
        eq(emails.organizationId, knowledgeProposals.organizationId),
      ),
    )
    .innerJoin(deals, eq(deals.id, emails.dealId))
    .leftJoin(users, eq(users.id, knowledgeProposals.sentBy))
    .where(and(...conditions))
    .orderBy(desc(knowledgeProposals.createdAt), desc(knowledgeProposals.id))
    .limit(MAX_PROPOSALS);
  return {
    items: rows.map(({ proposal, spaceName, dealId, companyName, senderName }) => ({
      id: proposal.id,
      spaceId: proposal.spaceId,
      spaceName,
      field: proposal.field,
      value: proposal.value,
      current: proposal.current,
      kind: proposal.kind,
      status: proposal.status,
      /** "parking $300/month", ready to show. */
      fact: describeKnowledge(proposal.field, proposal.value),
      currentFact: proposal.current === null ? null : describeKnowledge(proposal.field, proposal.current),
      source: {
        emailId: proposal.sourceEmailId,
        dealId,
        companyName,
        text: proposal.sourceText,
        sentBy: proposal.sentBy ? { id: proposal.sentBy, name: senderName ?? 'a former member' } : null,
        sentAt: proposal.sentAt,
      },
      decidedAt: proposal.decidedAt,
      createdAt: proposal.createdAt,
    })),
  };
}

export type KnowledgeProposalRow = typeof knowledgeProposals.$inferSelect;

export async function getProposal(db: Executor, params: { organizationId: string; id: number }) {
  const [row] = await db
    .select()
    .from(knowledgeProposals)
    .where(
      and(eq(knowledgeProposals.id, params.id), eq(knowledgeProposals.organizationId, params.organizationId)),
    );
  if (!row) throw new NotFoundError('Proposal', params.id);
  return row;
}
