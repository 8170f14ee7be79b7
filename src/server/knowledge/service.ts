import { and, eq, inArray, sql } from 'drizzle-orm';
import type { KnowledgeValue } from '../../../db/schema';
import { knowledgeProposals } from '../../../db/schema';
import { type Actor, recordAudit } from '../audit';
import { type Executor, type Transaction, withTransaction } from '../db';
import { InvalidTransitionError } from '../errors';
import { getSpace } from '../spaces/queries';
import { updateSpace } from '../spaces/service';
import type { ProposedFact } from './extract';
import { factPatch } from './patch';
import { getProposal } from './queries';

type Scope = { organizationId: string; actor: Actor };

const asJson = (value: KnowledgeValue) => sql`${JSON.stringify(value)}::jsonb`;

/**
 * Files the facts a sent reply stated as pending proposals, inside the send's transaction. A fact
 * already pending or dismissed for that space (same field, same value) is not proposed again.
 * Returns the ids written.
 */
export async function proposeFacts(
  tx: Transaction,
  params: {
    organizationId: string;
    emailId: number;
    sentBy: string | null;
    sentAt: Date;
    facts: ProposedFact[];
  },
): Promise<number[]> {
  const ids: number[] = [];
  for (const fact of params.facts) {
    const [known] = await tx
      .select({ id: knowledgeProposals.id })
      .from(knowledgeProposals)
      .where(
        and(
          eq(knowledgeProposals.organizationId, params.organizationId),
          eq(knowledgeProposals.spaceId, fact.spaceId),
          eq(knowledgeProposals.field, fact.field),
          sql`${knowledgeProposals.value} = ${asJson(fact.value)}`,
          inArray(knowledgeProposals.status, ['pending', 'dismissed']),
        ),
      )
      .limit(1);
    if (known) continue;
    const [row] = await tx
      .insert(knowledgeProposals)
      .values({
        organizationId: params.organizationId,
        spaceId: fact.spaceId,
        field: fact.field,
        value: asJson(fact.value),
        current: fact.current === null ? null : asJson(fact.current),
        kind: fact.kind,
        sourceEmailId: params.emailId,
        sourceText: fact.words,
        sentBy: params.sentBy,
        sentAt: params.sentAt,
      })
      // Two sends committing the same fact at once: the partial unique index keeps one.
      .onConflictDoNothing()
      .returning({ id: knowledgeProposals.id });
    if (row) ids.push(row.id);
  }
  return ids;
}

/** A conditional update missed: the proposal is not ours (NOT_FOUND) or was already decided. */
async function explainMiss(db: Executor, params: { organizationId: string; id: number }): Promise<never> {
  const proposal = await getProposal(db, params);
  throw new InvalidTransitionError(`This proposal was already ${proposal.status}.`);
}

async function decide(tx: Transaction, params: { id: number } & Scope, status: 'accepted' | 'dismissed') {
  const [row] = await tx
    .update(knowledgeProposals)
    .set({ status, decidedBy: params.actor.id, decidedAt: new Date() })
    .where(
      and(
        eq(knowledgeProposals.id, params.id),
        eq(knowledgeProposals.organizationId, params.organizationId),
        eq(knowledgeProposals.status, 'pending'),
      ),
    )
    .returning();
  if (!row) return explainMiss(tx, params);
  return row;
}

/**
 * A manager accepts a proposal: the fact is written into the space through the spaces service
 * (revision bumped, `space.updated` audited), so every later draft is grounded in it.
 */
export async function acceptProposal(executor: Executor, params: { id: number } & Scope) {
  // The decision, the space's new value and both audit events stand or fall together.
  return withTransaction(executor, async (tx) => {
    const proposal = await decide(tx, params, 'accepted');
    const space = await getSpace(tx, { organizationId: params.organizationId, id: proposal.spaceId });
    const updated = await updateSpace(tx, {
      id: space.id,
      revision: space.revision,
      organizationId: params.organizationId,
      actor: params.actor,
      ...factPatch(space, proposal.field, proposal.value),
    });
    await recordAudit(tx, {
      organizationId: params.organizationId,
      actor: params.actor,
      action: 'knowledge.accepted',
      entityType: 'space',
      entityId: space.id,
      details: {
        proposalId: proposal.id,
        field: proposal.field,
        value: proposal.value,
        previous: proposal.current,
        kind: proposal.kind,
        sourceEmailId: proposal.sourceEmailId,
      },
    });
    return { proposal, space: updated };
  });
}

/** A manager dismisses a proposal: it stays, dismissed, so the same fact is never proposed again. */
export async function dismissProposal(executor: Executor, params: { id: number } & Scope) {
  // The decision and its audit event stand or fall together.
  return withTransaction(executor, async (tx) => {
    const proposal = await decide(tx, params, 'dismissed');
    await recordAudit(tx, {
      organizationId: params.organizationId,
      actor: params.actor,
      action: 'knowledge.dismissed',
      entityType: 'space',
      entityId: proposal.spaceId,
      details: { proposalId: proposal.id, field: proposal.field, value: proposal.value },
    });
    return { proposal };
  });
}
